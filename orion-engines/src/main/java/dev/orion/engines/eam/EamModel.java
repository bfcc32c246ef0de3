package dev.orion.engines.eam;

/**
 * The EAM energy and forces, computed as LAMMPS's {@code pair_eam} computes them: densities from
 * the half list, embedding energies with the linear extension above {@code rhomax}, then pair forces
 * with both embedding derivatives. The pair loops are cut into a fixed number of chunks run in
 * parallel, each into its own arrays, summed in chunk order: the result depends on the chunk count,
 * never on the scheduling.
 */
final class EamModel implements ForceModel {

    /** Below this many pairs per thread, extra threads cost more than they save. */
    private static final int MIN_PAIRS_PER_CHUNK = 20_000;

    private final EamTables t;
    private final int threads;
    private double[] fp = new double[0];
    private double[] x = new double[0];
    private double[] shift = new double[0];
    private double[][] rho = new double[0][];
    private double[][] force = new double[0][];
    private final double[][] vir;
    private final double[] energy;

    /**
     * @param tables  the potential
     * @param threads how many chunks the pair loops are cut into (results are identical to the last
     *                digit for a fixed count, whichever threads run the chunks)
     */
    EamModel(EamTables tables, int threads) {
        this.t = tables;
        this.threads = threads;
        this.vir = new double[threads][6];
        this.energy = new double[threads];
    }

    @Override
    public double cutoff() {
        return t.cutoff;
    }

    @Override
    public double evaluate(Configuration c, double[] forces, double[] virial) {
        int n = c.n;
        int chunks = Math.max(1, Math.min(threads, c.pairs / MIN_PAIRS_PER_CHUNK));
        if (fp.length < n) {
            fp = new double[n];
            x = new double[3 * n];
        }
        if (rho.length < chunks || rho[0].length < n) {
            rho = new double[Math.max(chunks, rho.length)][n];
            force = new double[rho.length][3 * n];
        }
        if (shift.length < 3 * c.shiftCount) {
            shift = new double[3 * c.shiftCount];
        }
        c.cartesian(x, shift);
        run(chunks, k -> densities(c, k, chunks));
        double[] total = rho[0];
        for (int k = 1; k < chunks; k++) {
            double[] part = rho[k];
            for (int i = 0; i < n; i++) {
                total[i] += part[i];
            }
        }
        run(chunks, k -> embedding(c, k, chunks, total));
        double e = 0;
        for (int k = 0; k < chunks; k++) {
            e += energy[k];
        }
        run(chunks, k -> pairForces(c, k, chunks));
        System.arraycopy(force[0], 0, forces, 0, 3 * n);
        java.util.Arrays.fill(virial, 0.0);
        for (int k = 0; k < chunks; k++) {
            if (k > 0) {
                double[] part = force[k];
                for (int i = 0; i < 3 * n; i++) {
                    forces[i] += part[i];
                }
            }
            for (int m = 0; m < 6; m++) {
                virial[m] += vir[k][m];
            }
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

    private static int from(int size, int k, int chunks) {
        return (int) ((long) size * k / chunks);
    }

    /** Electron densities of chunk {@code k} of the pairs into {@code rho[k]}. */
    private void densities(Configuration c, int k, int chunks) {
        double[] rhoK = rho[k];
        java.util.Arrays.fill(rhoK, 0, c.n, 0.0);
        int[] shiftOf = c.shiftOf;
        int[] types = c.types;
        double cutsq = t.cutoff * t.cutoff;
        int nr = t.nr;
        double rdr = t.rdr;
        int end = from(c.pairs, k + 1, chunks);
        for (int q = from(c.pairs, k, chunks); q < end; q++) {
            int i = c.pairI[q];
            int j = c.pairJ[q];
            int sh = 3 * shiftOf[q];
            double dx = x[3 * j] - x[3 * i] + shift[sh];
            double dy = x[3 * j + 1] - x[3 * i + 1] + shift[sh + 1];
            double dz = x[3 * j + 2] - x[3 * i + 2] + shift[sh + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq >= cutsq) {
                continue;
            }
            double p = Math.sqrt(rsq) * rdr + 1.0;
            int m = Math.min((int) p, nr - 1);
            p = Math.min(p - m, 1.0);
            int ti = types[i];
            int tj = types[j];
            int o = 7 * m;
            double[] cf = t.rhorSpline[t.type2rhor[tj][ti]];
            rhoK[i] += ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            cf = t.rhorSpline[t.type2rhor[ti][tj]];
            rhoK[j] += ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
        }
    }

    /** Embedding energies and their derivatives of chunk {@code k} of the atoms; energy into {@code energy[k]}. */
    private void embedding(Configuration c, int k, int chunks, double[] density) {
        int[] types = c.types;
        double e = 0;
        int end = from(c.n, k + 1, chunks);
        for (int i = from(c.n, k, chunks); i < end; i++) {
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

    /** Pair forces, pair energy and virial of chunk {@code k} of the pairs into {@code force[k]}, {@code energy[k]}, {@code vir[k]}. */
    private void pairForces(Configuration c, int k, int chunks) {
        double[] forcesK = force[k];
        java.util.Arrays.fill(forcesK, 0, 3 * c.n, 0.0);
        int[] shiftOf = c.shiftOf;
        int[] types = c.types;
        double cutsq = t.cutoff * t.cutoff;
        int nr = t.nr;
        double rdr = t.rdr;
        double e = 0;
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        int end = from(c.pairs, k + 1, chunks);
        for (int q = from(c.pairs, k, chunks); q < end; q++) {
            int i = c.pairI[q];
            int j = c.pairJ[q];
            int sh = 3 * shiftOf[q];
            // LAMMPS's del = x_i - x_j
            double dx = x[3 * i] - x[3 * j] - shift[sh];
            double dy = x[3 * i + 1] - x[3 * j + 1] - shift[sh + 1];
            double dz = x[3 * i + 2] - x[3 * j + 2] - shift[sh + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq >= cutsq) {
                continue;
            }
            double r = Math.sqrt(rsq);
            double p = r * rdr + 1.0;
            int m = Math.min((int) p, nr - 1);
            p = Math.min(p - m, 1.0);
            int ti = types[i];
            int tj = types[j];
            int o = 7 * m;
            double[] cf = t.rhorSpline[t.type2rhor[ti][tj]];
            double rhoip = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            cf = t.rhorSpline[t.type2rhor[tj][ti]];
            double rhojp = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            cf = t.z2rSpline[t.type2z2r[ti][tj]];
            double z2p = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            double z2 = ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            double recip = 1.0 / r;
            double phi = z2 * recip;
            double phip = z2p * recip - phi * recip;
            double psip = fp[i] * rhojp + fp[j] * rhoip + phip;
            double fpair = -psip * recip;
            ForceModel.addPairForce(forcesK, i, j, dx, dy, dz, fpair);
            e += phi;
            vxx += dx * dx * fpair;
            vyy += dy * dy * fpair;
            vzz += dz * dz * fpair;
            vyz += dy * dz * fpair;
            vxz += dx * dz * fpair;
            vxy += dx * dy * fpair;
        }
        energy[k] = e;
        double[] v = vir[k];
        v[0] = vxx;
        v[1] = vyy;
        v[2] = vzz;
        v[3] = vyz;
        v[4] = vxz;
        v[5] = vxy;
    }
}
