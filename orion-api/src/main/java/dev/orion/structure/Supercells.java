package dev.orion.structure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Supercells from an integer scaling matrix. Lattice points of the new cell are found in exact
 * integer arithmetic: with {@code adj} the adjugate of the scaling matrix {@code S}, a translation
 * {@code t} of the old lattice lies in the new cell iff every component of {@code t . adj} is in
 * {@code [0, det S)}.
 */
final class Supercells {

    private Supercells() {
    }

    static Structure make(Structure s, int[][] scaling) {
        long[][] m = checked(scaling);
        long det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (det <= 0) {
            throw new IllegalArgumentException("scaling matrix must have a positive determinant, got " + det
                    + " for " + Arrays.deepToString(scaling));
        }
        long[][] adj = adjugate(m);
        long total = det * s.size();
        if (total > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("supercell would have " + total + " sites, too many for one structure");
        }
        double[] points = latticePoints(m, adj, det);
        int copies = (int) det;
        int n = s.size();
        int newSize = (int) total;
        double[] frac = new double[3 * newSize];
        int[] kinds = new int[newSize];
        String[] labels = s.labels == null ? null : new String[newSize];
        Map<String, Object[]> props = new LinkedHashMap<>();
        s.siteProperties.forEach((k, col) -> props.put(k, new Object[newSize]));
        double d = det;
        int out = 0;
        for (int i = 0; i < n; i++) {
            double fx = s.frac[3 * i];
            double fy = s.frac[3 * i + 1];
            double fz = s.frac[3 * i + 2];
            double bx = (fx * adj[0][0] + fy * adj[1][0] + fz * adj[2][0]) / d;
            double by = (fx * adj[0][1] + fy * adj[1][1] + fz * adj[2][1]) / d;
            double bz = (fx * adj[0][2] + fy * adj[1][2] + fz * adj[2][2]) / d;
            for (int c = 0; c < copies; c++) {
                frac[3 * out] = Structure.wrap(bx + points[3 * c]);
                frac[3 * out + 1] = Structure.wrap(by + points[3 * c + 1]);
                frac[3 * out + 2] = Structure.wrap(bz + points[3 * c + 2]);
                kinds[out] = s.kinds[i];
                if (labels != null) {
                    labels[out] = s.labels[i];
                }
                for (Map.Entry<String, Object[]> e : s.siteProperties.entrySet()) {
                    props.get(e.getKey())[out] = e.getValue()[i];
                }
                out++;
            }
        }
        double[][] a = s.lattice.matrix();
        double[][] rows = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rows[r][c] = m[r][0] * a[0][c] + m[r][1] * a[1][c] + m[r][2] * a[2][c];
            }
        }
        return new Structure(Lattice.of(rows), frac, kinds, s.kindTable, labels,
                props.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(props), s.properties);
    }

    private static long[][] checked(int[][] scaling) {
        if (scaling == null || scaling.length != 3) {
            throw new IllegalArgumentException("scaling matrix must be 3x3, got " + Arrays.deepToString(scaling));
        }
        long[][] m = new long[3][3];
        for (int r = 0; r < 3; r++) {
            if (scaling[r] == null || scaling[r].length != 3) {
                throw new IllegalArgumentException("scaling matrix must be 3x3, got " + Arrays.deepToString(scaling));
            }
            for (int c = 0; c < 3; c++) {
                m[r][c] = scaling[r][c];
            }
        }
        return m;
    }

    /** The adjugate: {@code m . adj = det(m) I}. */
    private static long[][] adjugate(long[][] m) {
        long[][] adj = new long[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                adj[r][c] = m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
            }
        }
        return adj;
    }

    /** Fractional coordinates (in the new cell) of the det(m) old lattice points inside it. */
    private static double[] latticePoints(long[][] m, long[][] adj, long det) {
        long[] lo = new long[3];
        long[] hi = new long[3];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                lo[c] += Math.min(0, m[r][c]);
                hi[c] += Math.max(0, m[r][c]);
            }
        }
        double[] points = new double[(int) (3 * det)];
        int found = 0;
        for (long i = lo[0]; i <= hi[0]; i++) {
            for (long j = lo[1]; j <= hi[1]; j++) {
                for (long k = lo[2]; k <= hi[2]; k++) {
                    long p0 = i * adj[0][0] + j * adj[1][0] + k * adj[2][0];
                    long p1 = i * adj[0][1] + j * adj[1][1] + k * adj[2][1];
                    long p2 = i * adj[0][2] + j * adj[1][2] + k * adj[2][2];
                    if (p0 >= 0 && p0 < det && p1 >= 0 && p1 < det && p2 >= 0 && p2 < det) {
                        if (found == det) {
                            throw new IllegalStateException("more than det = " + det + " lattice points found");
                        }
                        points[3 * found] = p0 / (double) det;
                        points[3 * found + 1] = p1 / (double) det;
                        points[3 * found + 2] = p2 / (double) det;
                        found++;
                    }
                }
            }
        }
        if (found != det) {
            throw new IllegalStateException("found " + found + " lattice points, expected det = " + det);
        }
        return points;
    }
}
