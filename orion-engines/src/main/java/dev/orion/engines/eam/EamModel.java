package dev.orion.engines.eam;

import java.util.Arrays;

/**
 * The EAM energy and forces, computed as LAMMPS's {@code pair_eam} computes them: densities from
 * the half list, embedding energies with the linear extension above {@code rhomax}, then pair forces
 * with both embedding derivatives, over atoms and ghosts (images across the cell's faces) like
 * LAMMPS's {@code newton on}: ghosts' densities and forces are added onto their atoms, and the virial
 * is {@code sum x (x) f} over atoms and ghosts (LAMMPS's {@code virial_fdotr_compute}).
 *
 * <p>The atoms are cut into a fixed number of ranges of about equal pair counts, run in parallel on
 * the common fork-join pool, each into its own arrays, summed in range order: the result depends on the range
 * count, never on the scheduling.
 */
final class EamModel implements ForceModel {

    /** Below this many pairs per thread, extra threads cost more than they save. */
    private static final int MIN_PAIRS_PER_CHUNK = 20_000;

    private final EamTables t;
    private final int threads;
    private final double cutsq;
    private final double rdr;
    private final int nr;
    private double[] fp = new double[0];
    private double[] x = new double[0];
    private double[][] rho = new double[0][];
    private double[][] force = new double[0][];
    private int[] bounds = new int[0];
    private final double[] energy;

    /**
     * @param tables  the potential
     * @param threads how many ranges the pair loops are cut into (results are identical to the last
     *                digit for a fixed count, whichever threads run the ranges)
     */
    EamModel(EamTables tables, int threads) {
        this.t = tables;
        this.threads = threads;
        this.energy = new double[threads];
        this.cutsq = tables.cutoff * tables.cutoff;
        this.rdr = tables.rdr;
        this.nr = tables.nr;
    }

    @Override
    public double cutoff() {
        return t.cutoff;
    }

    @Override
    public double evaluate(Configuration c, double[] forces, double[] virial) {
        int n = c.n;
        int entries = c.entries();
        int chunks = Math.max(1, Math.min(threads, c.pairs / MIN_PAIRS_PER_CHUNK));
        if (fp.length < entries) {
            fp = new double[entries];
            x = new double[3 * entries];
        }
        if (rho.length < chunks || rho[0].length < entries) {
            int count = Math.max(chunks, rho.length);
            rho = new double[count][entries];
            force = new double[count][3 * entries];
        }
        bounds = bounds(c, chunks);
        c.cartesian(x);
        run(chunks, k -> densities(c, k));
        double[] total = rho[0];
        for (int k = 1; k < chunks; k++) {
            add(total, rho[k], entries);
        }
        c.foldGhosts(total, 1);
        run(chunks, k -> embedding(c, k, chunks, total));
        double e = 0;
        for (int k = 0; k < chunks; k++) {
            e += energy[k];
        }
        c.copyToGhosts(fp);
        run(chunks, k -> pairForces(c, k));
        double[] f = force[0];
        for (int k = 1; k < chunks; k++) {
            add(f, force[k], 3 * entries);
        }
        fdotr(f, entries, virial);
        c.foldGhosts(f, 3);
        System.arraycopy(f, 0, forces, 0, 3 * n);
        for (int k = 0; k < chunks; k++) {
            e += energy[k];
        }
        return e;
    }

    private static void run(int chunks, java.util.function.IntConsumer chunk) {
        if (chunks == 1) {
            chunk.accept(0);
        } else {
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk);
        }
    }


    private static void add(double[] into, double[] part, int length) {
        for (int i = 0; i < length; i++) {
            into[i] += part[i];
        }
    }

    /** The virial as {@code sum x (x) f} over atoms and ghosts, xx yy zz yz xz xy. */
    private void fdotr(double[] f, int entries, double[] virial) {
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        for (int e = 0; e < entries; e++) {
            double px = x[3 * e];
            double py = x[3 * e + 1];
            double pz = x[3 * e + 2];
            double fx = f[3 * e];
            double fy = f[3 * e + 1];
            double fz = f[3 * e + 2];
            vxx += px * fx;
            vyy += py * fy;
            vzz += pz * fz;
            vyz += py * fz;
            vxz += px * fz;
            vxy += px * fy;
        }
        virial[0] = vxx;
        virial[1] = vyy;
        virial[2] = vzz;
        virial[3] = vyz;
        virial[4] = vxz;
        virial[5] = vxy;
    }

    /** Atom ranges of about {@code pairs / chunks} pairs each: range k is {@code bounds[k] .. bounds[k + 1] - 1}. */
    private static int[] bounds(Configuration c, int chunks) {
        int[] b = new int[chunks + 1];
        b[chunks] = c.n;
        for (int k = 1; k < chunks; k++) {
            int target = (int) ((long) c.pairs * k / chunks);
            int at = Arrays.binarySearch(c.first, 0, c.n + 1, target);
            if (at < 0) {
                at = -at - 1;
            }
            // the first atom whose pairs start at or after the target (equal starts: the earliest)
            while (at > 0 && c.first[at - 1] == target) {
                at--;
            }
            b[k] = Math.max(b[k - 1], Math.min(at, c.n));
        }
        return b;
    }

    /** Electron densities from range {@code k} of the atoms' pairs into {@code rho[k]} (atoms and ghosts). */
    private void densities(Configuration c, int k) {
        double[] rhoK = rho[k];
        double[] x = this.x;
        Arrays.fill(rhoK, 0, c.entries(), 0.0);
        int[] first = c.first;
        int[] neighbor = c.neighbor;
        int[] type = c.entryType;
        double[][] splines = t.pairSpline;
        int types = t.types;
        double[] single = types == 1 ? splines[0] : null;
        for (int i = bounds[k]; i < bounds[k + 1]; i++) {
            double xi = x[3 * i];
            double yi = x[3 * i + 1];
            double zi = x[3 * i + 2];
            int row = type[i] * types;
            double rhoi = 0;
            for (int q = first[i], end = first[i + 1]; q < end; q++) {
                int j = neighbor[q];
                double dx = x[3 * j] - xi;
                double dy = x[3 * j + 1] - yi;
                double dz = x[3 * j + 2] - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                double p = Math.sqrt(rsq) * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                double[] cf = single != null ? single : splines[row + type[j]];
                int o = EamTables.PAIR_STRIDE * m;
                rhoi += ((cf[o + EamTables.RHO_I] * p + cf[o + EamTables.RHO_I + 1]) * p + cf[o + EamTables.RHO_I + 2]) * p
                        + cf[o + EamTables.RHO_I + 3];
                rhoK[j] += ((cf[o + EamTables.RHO_J] * p + cf[o + EamTables.RHO_J + 1]) * p + cf[o + EamTables.RHO_J + 2]) * p
                        + cf[o + EamTables.RHO_J + 3];
            }
            rhoK[i] += rhoi;
        }
    }

    /** Embedding energies and their derivatives of chunk {@code k} of the atoms; energy into {@code energy[k]}. */
    private void embedding(Configuration c, int k, int chunks, double[] density) {
        int[] types = c.types;
        double e = 0;
        int end = (int) ((long) c.n * (k + 1) / chunks);
        for (int i = (int) ((long) c.n * k / chunks); i < end; i++) {
            double p = density[i] * t.rdrho + 1.0;
            int m = Math.max(1, Math.min((int) p, t.nrho - 1));
            p = Math.min(p - m, 1.0);
            double[] cf = t.frhoSpline[t.type2frho[types[i]]];
            int o = 7 * m;
            fp[i] = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            double phi = ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            if (density[i] > t.rhomax) {
                phi += fp[i] * (density[i] - t.rhomax);
            }
            e += phi;
        }
        energy[k] = e;
    }

    /** Pair forces and pair energy of range {@code k} of the atoms' pairs into {@code force[k]} (atoms and ghosts) and {@code energy[k]}. */
    private void pairForces(Configuration c, int k) {
        double[] forceK = force[k];
        double[] x = this.x;
        double[] fp = this.fp;
        Arrays.fill(forceK, 0, 3 * c.entries(), 0.0);
        int[] first = c.first;
        int[] neighbor = c.neighbor;
        int[] type = c.entryType;
        double[][] splines = t.pairSpline;
        int types = t.types;
        double[] single = types == 1 ? splines[0] : null;
        double e = 0;
        for (int i = bounds[k]; i < bounds[k + 1]; i++) {
            // LAMMPS's del = x_i - x_j
            double xi = x[3 * i];
            double yi = x[3 * i + 1];
            double zi = x[3 * i + 2];
            double fpi = fp[i];
            int row = type[i] * types;
            double fxi = 0;
            double fyi = 0;
            double fzi = 0;
            for (int q = first[i], end = first[i + 1]; q < end; q++) {
                int j = neighbor[q];
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                double r = Math.sqrt(rsq);
                double p = r * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                double[] cf = single != null ? single : splines[row + type[j]];
                int o = EamTables.PAIR_STRIDE * m;
                double rhoip = (cf[o + EamTables.DRHO_I] * p + cf[o + EamTables.DRHO_I + 1]) * p + cf[o + EamTables.DRHO_I + 2];
                double rhojp = (cf[o + EamTables.DRHO_J] * p + cf[o + EamTables.DRHO_J + 1]) * p + cf[o + EamTables.DRHO_J + 2];
                double z2p = (cf[o + EamTables.DZ2] * p + cf[o + EamTables.DZ2 + 1]) * p + cf[o + EamTables.DZ2 + 2];
                double z2 = ((cf[o + EamTables.Z2] * p + cf[o + EamTables.Z2 + 1]) * p + cf[o + EamTables.Z2 + 2]) * p
                        + cf[o + EamTables.Z2 + 3];
                double recip = 1.0 / r;
                double phi = z2 * recip;
                double phip = z2p * recip - phi * recip;
                double psip = fpi * rhojp + fp[j] * rhoip + phip;
                double fpair = -psip * recip;
                fxi += dx * fpair;
                fyi += dy * fpair;
                fzi += dz * fpair;
                forceK[3 * j] -= dx * fpair;
                forceK[3 * j + 1] -= dy * fpair;
                forceK[3 * j + 2] -= dz * fpair;
                e += phi;
            }
            forceK[3 * i] += fxi;
            forceK[3 * i + 1] += fyi;
            forceK[3 * i + 2] += fzi;
        }
        energy[k] = e;
    }
}
