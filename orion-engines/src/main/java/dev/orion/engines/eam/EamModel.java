package dev.orion.engines.eam;

/**
 * The EAM energy and forces, computed as LAMMPS's {@code pair_eam} computes them: densities from
 * the half list, embedding energies with the linear extension above {@code rhomax}, then pair forces
 * with both embedding derivatives.
 */
final class EamModel implements ForceModel {

    private final EamTables t;
    private double[] rho = new double[0];
    private double[] fp = new double[0];
    private double[] x = new double[0];
    private double[] shift = new double[0];

    EamModel(EamTables tables) {
        this.t = tables;
    }

    @Override
    public double cutoff() {
        return t.cutoff;
    }

    @Override
    public double evaluate(Configuration c, double[] forces, double[] virial) {
        int n = c.n;
        if (rho.length < n) {
            rho = new double[n];
            fp = new double[n];
            x = new double[3 * n];
        }
        if (shift.length < 3 * c.shiftCount) {
            shift = new double[3 * c.shiftCount];
        }
        c.cartesian(x, shift);
        int[] shiftOf = c.shiftOf;
        java.util.Arrays.fill(rho, 0, n, 0.0);
        java.util.Arrays.fill(forces, 0, 3 * n, 0.0);
        java.util.Arrays.fill(virial, 0.0);
        int[] types = c.types;
        double cutsq = t.cutoff * t.cutoff;
        int nr = t.nr;
        double rdr = t.rdr;
        for (int k = 0; k < c.pairs; k++) {
            int i = c.pairI[k];
            int j = c.pairJ[k];
            int sh = 3 * shiftOf[k];
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
            rho[i] += ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            cf = t.rhorSpline[t.type2rhor[ti][tj]];
            rho[j] += ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
        }
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double p = rho[i] * t.rdrho + 1.0;
            int m = Math.max(1, Math.min((int) p, t.nrho - 1));
            p = Math.min(p - m, 1.0);
            double[] cf = t.frhoSpline[t.type2frho[types[i]]];
            int o = 7 * m;
            fp[i] = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
            double phi = ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
            if (rho[i] > t.rhomax) {
                phi += fp[i] * (rho[i] - t.rhomax);
            }
            energy += phi;
        }
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        for (int k = 0; k < c.pairs; k++) {
            int i = c.pairI[k];
            int j = c.pairJ[k];
            int sh = 3 * shiftOf[k];
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
            ForceModel.addPairForce(forces, i, j, dx, dy, dz, fpair);
            energy += phi;
            vxx += dx * dx * fpair;
            vyy += dy * dy * fpair;
            vzz += dz * dz * fpair;
            vyz += dy * dz * fpair;
            vxz += dx * dz * fpair;
            vxy += dx * dy * fpair;
        }
        virial[0] = vxx;
        virial[1] = vyy;
        virial[2] = vzz;
        virial[3] = vyz;
        virial[4] = vxz;
        virial[5] = vxy;
        return energy;
    }
}
