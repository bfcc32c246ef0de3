package dev.orion.engines.eam;

import dev.orion.engine.Potential;
import dev.orion.structure.Element;
import java.util.List;

/** Closed-form Lennard-Jones 4ε[(σ/r)^12 - (σ/r)^6], truncated (not shifted) at the cutoff like {@code lj/cut}. */
final class LennardJonesModel implements ForceModel {

    private final double cutoff;
    private final double[][] eps;
    private final double[][] sig;

    LennardJonesModel(Potential.LennardJones lj, List<Element> types) {
        this.cutoff = lj.cutoff();
        int n = types.size();
        eps = new double[n][n];
        sig = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Potential.LjParameters p = lj.pair(types.get(i), types.get(j));
                eps[i][j] = p.epsilon();
                sig[i][j] = p.sigma();
            }
        }
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double evaluate(Configuration c, double[] forces, double[] virial) {
        java.util.Arrays.fill(forces, 0, 3 * c.n, 0.0);
        java.util.Arrays.fill(virial, 0.0);
        double[] f = c.frac;
        double[] L = c.cell;
        double cutsq = cutoff * cutoff;
        double energy = 0;
        for (int k = 0; k < c.pairs; k++) {
            int i = c.pairI[k];
            int j = c.pairJ[k];
            double a = f[3 * j] - f[3 * i] + c.offset[3 * k];
            double b = f[3 * j + 1] - f[3 * i + 1] + c.offset[3 * k + 1];
            double g = f[3 * j + 2] - f[3 * i + 2] + c.offset[3 * k + 2];
            double dx = -(a * L[0] + b * L[3] + g * L[6]);
            double dy = -(a * L[1] + b * L[4] + g * L[7]);
            double dz = -(a * L[2] + b * L[5] + g * L[8]);
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq >= cutsq) {
                continue;
            }
            double e = eps[c.types[i]][c.types[j]];
            double s2 = sig[c.types[i]][c.types[j]];
            s2 *= s2;
            double sr6 = s2 * s2 * s2 / (rsq * rsq * rsq);
            energy += 4 * e * (sr6 * sr6 - sr6);
            double fpair = 24 * e * (2 * sr6 * sr6 - sr6) / rsq;
            ForceModel.addPairForce(forces, i, j, dx, dy, dz, fpair);
            virial[0] += dx * dx * fpair;
            virial[1] += dy * dy * fpair;
            virial[2] += dz * dz * fpair;
            virial[3] += dy * dz * fpair;
            virial[4] += dx * dz * fpair;
            virial[5] += dx * dy * fpair;
        }
        return energy;
    }
}
