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
    /** Whether every pair's two densities are one function (one element, or funcfl), computed once per pair. */
    private final boolean oneDensity;
    private double[] fp = new double[0];
    private double[] x = new double[0];
    private double[][] rho = new double[0][];
    private double[][] force = new double[0][];
    private int[] bounds = new int[0];
    /**
     * The density pass's pairs within the cutoff, for the force pass: atom i's are {@code within[first[i]]
     * .. within[withinEnd[i] - 1]}.
     */
    private int[] within = new int[0];
    private int[] withinEnd = new int[0];
    private final double[] energy;
    private final double[][] vir;

    /**
     * @param tables  the potential
     * @param threads how many ranges the pair loops are cut into (results are identical to the last
     *                digit for a fixed count, whichever threads run the ranges)
     */
    EamModel(EamTables tables, int threads) {
        this.t = tables;
        this.threads = threads;
        this.energy = new double[threads];
        this.vir = new double[threads][6];
        this.cutsq = tables.cutoff * tables.cutoff;
        this.rdr = tables.rdr;
        this.nr = tables.nr;
        this.oneDensity = tables.oneDensity();
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
        if (within.length < c.pairs || withinEnd.length < n) {
            within = new int[c.pairs];
            withinEnd = new int[n];
        }
        if (rho.length < chunks || rho[0].length < entries) {
            int count = Math.max(chunks, rho.length);
            rho = new double[count][entries];
            force = new double[count][3 * entries];
        }
        bounds = bounds(c, chunks);
        c.cartesian(x);
        run(chunks, k -> densities(c, k));
        run(chunks, k -> embedding(c, k, chunks));
        double e = 0;
        for (int k = 0; k < chunks; k++) {
            e += energy[k];
        }
        run(chunks, k -> pairForces(c, k));
        for (int k = 0; k < chunks; k++) {
            e += energy[k];
        }
        run(chunks, k -> totalForces(c, k, chunks, forces));
        Arrays.fill(virial, 0.0);
        for (int k = 0; k < chunks; k++) {
            for (int m = 0; m < 6; m++) {
                virial[m] += vir[k][m];
            }
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

    /** The sum of {@code parts[0][at] .. parts[chunks - 1][at]}, in range order. */
    private static double sum(double[][] parts, int chunks, int at) {
        double s = parts[0][at];
        for (int k = 1; k < chunks; k++) {
            s += parts[k][at];
        }
        return s;
    }

    /**
     * Forces on chunk {@code k} of the atoms: every range's share of the atom and of its ghosts, in
     * a fixed order; the virial {@code sum x (x) f} over these atoms and ghosts into {@code vir[k]}
     * (LAMMPS's {@code virial_fdotr_compute}).
     */
    private void totalForces(Configuration c, int k, int chunks, double[] forces) {
        double[][] parts = force;
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        int n = c.n;
        int end = (int) ((long) n * (k + 1) / chunks);
        for (int i = (int) ((long) n * k / chunks); i < end; i++) {
            double fx = 0;
            double fy = 0;
            double fz = 0;
            // q = firstGhost[i] - 1 stands for the atom itself, then come its ghosts
            for (int q = c.firstGhost[i] - 1; q < c.firstGhost[i + 1]; q++) {
                int e = q < c.firstGhost[i] ? i : n + c.ghostsByOwner[q];
                double ex = sum(parts, chunks, 3 * e);
                double ey = sum(parts, chunks, 3 * e + 1);
                double ez = sum(parts, chunks, 3 * e + 2);
                double px = x[3 * e];
                double py = x[3 * e + 1];
                double pz = x[3 * e + 2];
                vxx += px * ex;
                vyy += py * ey;
                vzz += pz * ez;
                vyz += py * ez;
                vxz += px * ez;
                vxy += px * ey;
                fx += ex;
                fy += ey;
                fz += ez;
            }
            forces[3 * i] = fx;
            forces[3 * i + 1] = fy;
            forces[3 * i + 2] = fz;
        }
        double[] v = vir[k];
        v[0] = vxx;
        v[1] = vyy;
        v[2] = vzz;
        v[3] = vyz;
        v[4] = vxz;
        v[5] = vxy;
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
        int[] within = this.within;
        int[] withinEnd = this.withinEnd;
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
            int w = first[i];
            for (int q = first[i], end = first[i + 1]; q < end; q++) {
                int j = neighbor[q];
                double dx = x[3 * j] - xi;
                double dy = x[3 * j + 1] - yi;
                double dz = x[3 * j + 2] - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                within[w++] = j;
                double p = Math.sqrt(rsq) * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                double[] cf = single != null ? single : splines[row + type[j]];
                int o = EamTables.PAIR_STRIDE * m;
                double fromJ = ((cf[o + EamTables.RHO_I] * p + cf[o + EamTables.RHO_I + 1]) * p + cf[o + EamTables.RHO_I + 2]) * p
                        + cf[o + EamTables.RHO_I + 3];
                rhoi += fromJ;
                rhoK[j] += oneDensity ? fromJ : ((cf[o + EamTables.RHO_J] * p + cf[o + EamTables.RHO_J + 1]) * p
                        + cf[o + EamTables.RHO_J + 2]) * p + cf[o + EamTables.RHO_J + 3];
            }
            rhoK[i] += rhoi;
            withinEnd[i] = w;
        }
    }

    /**
     * Densities (every range's share of the atom and of its ghosts, in a fixed order), embedding
     * energies and their derivatives (also onto the ghosts) of chunk {@code k} of the atoms; energy
     * into {@code energy[k]}.
     */
    private void embedding(Configuration c, int k, int chunks) {
        int[] types = c.types;
        double[] fp = this.fp;
        int n = c.n;
        double e = 0;
        int end = (int) ((long) n * (k + 1) / chunks);
        for (int i = (int) ((long) n * k / chunks); i < end; i++) {
            double density = sum(rho, chunks, i);
            for (int q = c.firstGhost[i]; q < c.firstGhost[i + 1]; q++) {
                density += sum(rho, chunks, n + c.ghostsByOwner[q]);
            }
            double p = density * t.rdrho + 1.0;
            int m = Math.max(1, Math.min((int) p, t.nrho - 1));
            p = Math.min(p - m, 1.0);
            double[] cf = t.frhoSpline[t.type2frho[types[i]]];
            int o = 7 * m;
            double fpi = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            double phi = ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            if (density > t.rhomax) {
                phi += fpi * (density - t.rhomax);
            }
            e += phi;
            fp[i] = fpi;
            for (int q = c.firstGhost[i]; q < c.firstGhost[i + 1]; q++) {
                fp[n + c.ghostsByOwner[q]] = fpi;
            }
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
        int[] within = this.within;
        int[] withinEnd = this.withinEnd;
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
            for (int q = first[i], end = withinEnd[i]; q < end; q++) {
                int j = within[q];
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double p = r * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                double[] cf = single != null ? single : splines[row + type[j]];
                int o = EamTables.PAIR_STRIDE * m;
                double rhoip = (cf[o + EamTables.DRHO_I] * p + cf[o + EamTables.DRHO_I + 1]) * p + cf[o + EamTables.DRHO_I + 2];
                double rhojp = oneDensity ? rhoip
                        : (cf[o + EamTables.DRHO_J] * p + cf[o + EamTables.DRHO_J + 1]) * p + cf[o + EamTables.DRHO_J + 2];
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
