package dev.orion.neighbors;

import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.HashMap;
import java.util.Map;

/** The O(N^2 * images) reference search that the cell lists must reproduce. */
final class BruteForce {

    private BruteForce() {
    }

    /** Key "i j a b c" to distance, for every (centre, neighbour, image) within the cutoff. */
    static Map<String, Double> fullPairs(Structure s, double cutoff) {
        Lattice lattice = s.lattice();
        double[] recip = new double[3];
        double[][] r = lattice.reciprocalCrystallographic().matrix();
        for (int k = 0; k < 3; k++) {
            recip[k] = Math.sqrt(r[k][0] * r[k][0] + r[k][1] * r[k][1] + r[k][2] * r[k][2]);
        }
        int[] range = new int[3];
        for (int k = 0; k < 3; k++) {
            range[k] = (int) Math.ceil(cutoff * recip[k]) + 1;
        }
        int n = s.size();
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = new double[] {wrap(s.fracX(i)), wrap(s.fracY(i)), wrap(s.fracZ(i))};
        }
        Map<String, Double> out = new HashMap<>();
        double[] pi = new double[3];
        double[] pj = new double[3];
        for (int i = 0; i < n; i++) {
            lattice.toCartesian(f[i][0], f[i][1], f[i][2], pi);
            for (int j = 0; j < n; j++) {
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int c = -range[2]; c <= range[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            lattice.toCartesian(f[j][0] + a, f[j][1] + b, f[j][2] + c, pj);
                            double dx = pj[0] - pi[0];
                            double dy = pj[1] - pi[1];
                            double dz = pj[2] - pi[2];
                            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                            if (d <= cutoff) {
                                out.put(key(i, j, a, b, c), d);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static String key(int i, int j, int a, int b, int c) {
        return i + " " + j + " " + a + " " + b + " " + c;
    }

    static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w;
    }
}
