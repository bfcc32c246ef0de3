package dev.orion.analysis.neighbors;

import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.HashMap;
import java.util.Map;

/** The O(N^2 * images) reference search that the cell lists must reproduce. */
final class BruteForce {

    private BruteForce() {
    }

    /** {@link #key} to distance, for every (centre, neighbour, image) within the cutoff. */
    static Map<Long, Double> fullPairs(Structure s, double cutoff) {
        Lattice lattice = s.lattice();
        double[] recip = new double[3];
        double[][] r = lattice.reciprocalCrystallographic().matrix();
        for (int k = 0; k < 3; k++) {
            recip[k] = Math.sqrt(r[k][0] * r[k][0] + r[k][1] * r[k][1] + r[k][2] * r[k][2]);
        }
        int[] range = new int[3];
        for (int k = 0; k < 3; k++) {
            // wrapped coordinates differ by less than 1, and |frac_k| <= |cart| |b*_k|, so |n| < 1 + cutoff |b*_k|
            range[k] = (int) Math.floor(cutoff * recip[k] * (1 + 1e-9)) + 1;
        }
        int n = s.size();
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = new double[] {wrap(s.fracX(i)), wrap(s.fracY(i)), wrap(s.fracZ(i))};
        }
        Map<Long, Double> out = new HashMap<>();
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

    /** Packs a pair: 16 bits per site index, 10 bits per image component (offset by 512). */
    static long key(int i, int j, int a, int b, int c) {
        return ((long) i << 46) | ((long) j << 30) | ((long) (a + 512) << 20) | ((long) (b + 512) << 10) | (c + 512);
    }

    /** The image of a packed pair, {a, b, c}. */
    static int[] image(long key) {
        return new int[] {(int) ((key >> 20) & 1023) - 512, (int) ((key >> 10) & 1023) - 512, (int) (key & 1023) - 512};
    }

    /** "centre -> neighbour [a, b, c]", for failure messages. */
    static String describe(long key) {
        int[] img = image(key);
        return center(key) + " -> " + neighbor(key) + " [" + img[0] + ", " + img[1] + ", " + img[2] + "]";
    }

    static int center(long key) {
        return (int) (key >>> 46);
    }

    static int neighbor(long key) {
        return (int) ((key >>> 30) & 0xFFFF);
    }

    static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w;
    }
}
