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
        double[] x = new double[3 * c.entries()];
        c.cartesian(x);
        double cutsq = cutoff * cutoff;
        double energy = 0;
        for (int i = 0; i < c.n; i++) {
            for (int k = c.first[i]; k < c.first[i + 1]; k++) {
                int e = c.neighbor[k];
                int j = e < c.n ? e : c.ghostOwner[e - c.n];
                double dx = x[3 * i] - x[3 * e];
                double dy = x[3 * i + 1] - x[3 * e + 1];
                double dz = x[3 * i + 2] - x[3 * e + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                double eps = this.eps[c.types[i]][c.types[j]];
                double s2 = sig[c.types[i]][c.types[j]];
                s2 *= s2;
                double sr6 = s2 * s2 * s2 / (rsq * rsq * rsq);
                energy += 4 * eps * (sr6 * sr6 - sr6);
                double fpair = 24 * eps * (2 * sr6 * sr6 - sr6) / rsq;
                forces[3 * i] += dx * fpair;
                forces[3 * i + 1] += dy * fpair;
                forces[3 * i + 2] += dz * fpair;
                forces[3 * j] -= dx * fpair;
                forces[3 * j + 1] -= dy * fpair;
                forces[3 * j + 2] -= dz * fpair;
                virial[0] += dx * dx * fpair;
                virial[1] += dy * dy * fpair;
                virial[2] += dz * dz * fpair;
                virial[3] += dy * dz * fpair;
                virial[4] += dx * dz * fpair;
                virial[5] += dx * dy * fpair;
            }
        }
        return energy;
    }
}
