package dev.orion.analysis.neighbors;

import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;

/**
 * The O(N) cell-list search behind {@link Neighbors}, for cells of any shape.
 *
 * <p>Sites are wrapped into [0, 1) and binned on a grid in fractional coordinates. A sphere of
 * radius r around a point spans at most {@code r * |b*_k| = r / w_k} in fractional coordinate k
 * ({@code b*_k} the crystallographic reciprocal vector, {@code w_k} the perpendicular width of the
 * cell along k), whatever the skew, so each centre visits exactly the bins (and periodic images of
 * bins) that this fractional interval touches. Cutoffs longer than the cell simply make that
 * interval cover several images of the one bin. Bins are at least as wide as the cutoff, and there
 * are at most about 2N of them, so memory stays O(N) for sparse cells too.
 */
final class CellListSearch {

    /** Fractional slack when choosing bins, far above rounding error and far below any bin width. */
    private static final double BIN_SLACK = 1e-9;

    private final int n;
    private final double cutoff;
    private final double[] m;
    private final double[] wrapped;
    private final int[] bins;
    private final double[] reach;
    /** First index (in bin order) of each bin; {@code binStart[nBins]} is n. */
    private final int[] binStart;
    /** Site index, Cartesian x, y, z of the wrapped sites, in bin order. */
    private final int[] sortedIndex;
    private final double[] xs;
    private final double[] ys;
    private final double[] zs;
    /** Where each site sits in bin order. */
    private final int[] position;

    CellListSearch(Structure structure, double cutoff) {
        Neighbors.requireCutoff(cutoff);
        this.n = structure.size();
        this.cutoff = cutoff;
        Lattice lattice = structure.lattice();
        double[][] rows = lattice.matrix();
        this.m = new double[] {rows[0][0], rows[0][1], rows[0][2], rows[1][0], rows[1][1], rows[1][2],
            rows[2][0], rows[2][1], rows[2][2]};
        double volume = lattice.volume();
        double[] widths = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] u = rows[(k + 1) % 3];
            double[] v = rows[(k + 2) % 3];
            double cx = u[1] * v[2] - u[2] * v[1];
            double cy = u[2] * v[0] - u[0] * v[2];
            double cz = u[0] * v[1] - u[1] * v[0];
            widths[k] = volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        this.bins = binCounts(widths, cutoff, n);
        this.reach = new double[3];
        for (int k = 0; k < 3; k++) {
            reach[k] = cutoff / widths[k] * (1 + 1e-12);
        }
        int nBins = bins[0] * bins[1] * bins[2];
        this.wrapped = new double[3 * n];
        int[] binOf = new int[n];
        this.binStart = new int[nBins + 1];
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int k = 0; k < 3; k++) {
                double f = coordinate(structure, i, k);
                f -= Math.floor(f);
                if (f >= 1.0) {
                    f = 0.0;
                }
                wrapped[3 * i + k] = f;
                b = b * bins[k] + Math.min(bins[k] - 1, (int) (f * bins[k]));
            }
            binOf[i] = b;
            binStart[b + 1]++;
        }
        for (int b = 0; b < nBins; b++) {
            binStart[b + 1] += binStart[b];
        }
        int[] fill = new int[nBins];
        this.sortedIndex = new int[n];
        this.position = new int[n];
        this.xs = new double[n];
        this.ys = new double[n];
        this.zs = new double[n];
        for (int i = 0; i < n; i++) {
            int p = binStart[binOf[i]] + fill[binOf[i]]++;
            sortedIndex[p] = i;
            position[i] = p;
            double fx = wrapped[3 * i];
            double fy = wrapped[3 * i + 1];
            double fz = wrapped[3 * i + 2];
            xs[p] = fx * m[0] + fy * m[3] + fz * m[6];
            ys[p] = fx * m[1] + fy * m[4] + fz * m[7];
            zs[p] = fx * m[2] + fy * m[5] + fz * m[8];
        }
    }

    private static double coordinate(Structure s, int i, int k) {
        return k == 0 ? s.fracX(i) : k == 1 ? s.fracY(i) : s.fracZ(i);
    }

    /** One bin per cutoff of perpendicular width, but no more than about 2N bins in all. */
    private static int[] binCounts(double[] widths, double cutoff, int n) {
        long limit = Math.max(1, 2L * n);
        int[] b = new int[3];
        double product = 1;
        for (int k = 0; k < 3; k++) {
            b[k] = (int) Math.max(1, Math.min(1 << 20, Math.floor(widths[k] / cutoff)));
            product *= b[k];
        }
        if (product > limit) {
            double shrink = Math.cbrt(product / limit);
            for (int k = 0; k < 3; k++) {
                b[k] = Math.max(1, (int) (b[k] / shrink));
            }
            while ((long) b[0] * b[1] * b[2] > limit) {
                int k = b[0] >= b[1] && b[0] >= b[2] ? 0 : b[1] >= b[2] ? 1 : 2;
                b[k]--;
            }
        }
        return b;
    }

    int size() {
        return n;
    }

    /** An upper estimate of the number of pairs within the cutoff, for sizing buffers and refusing absurd cutoffs. */
    double expectedPairs(double volume) {
        double perSite = n / volume * 4.0 / 3.0 * Math.PI * cutoff * cutoff * cutoff;
        return n * perSite;
    }

    /** Visits every pair within the cutoff; all of them (full list) or each unordered pair once (half list). */
    void search(boolean half, PairConsumer consumer) {
        search(half, 0, n, consumer);
    }

    /**
     * Visits the pairs whose centre is in {@code [from, to)}, in the order {@link #search(boolean, PairConsumer)}
     * visits them: searches over consecutive ranges, concatenated, give exactly the whole search.
     */
    void search(boolean half, int from, int to, PairConsumer consumer) {
        double rc2 = cutoff * cutoff;
        int nbx = bins[0];
        int nby = bins[1];
        int nbz = bins[2];
        for (int i = from; i < to; i++) {
            double fx = wrapped[3 * i];
            double fy = wrapped[3 * i + 1];
            double fz = wrapped[3 * i + 2];
            int p = position[i];
            double xi = xs[p];
            double yi = ys[p];
            double zi = zs[p];
            int loX = (int) Math.floor((fx - reach[0]) * nbx - BIN_SLACK);
            int hiX = (int) Math.floor((fx + reach[0]) * nbx + BIN_SLACK);
            int loY = (int) Math.floor((fy - reach[1]) * nby - BIN_SLACK);
            int hiY = (int) Math.floor((fy + reach[1]) * nby + BIN_SLACK);
            int loZ = (int) Math.floor((fz - reach[2]) * nbz - BIN_SLACK);
            int hiZ = (int) Math.floor((fz + reach[2]) * nbz + BIN_SLACK);
            for (int vx = loX; vx <= hiX; vx++) {
                int ia = Math.floorDiv(vx, nbx);
                int bx = vx - ia * nbx;
                for (int vy = loY; vy <= hiY; vy++) {
                    int ib = Math.floorDiv(vy, nby);
                    int by = vy - ib * nby;
                    double sx0 = ia * m[0] + ib * m[3] - xi;
                    double sy0 = ia * m[1] + ib * m[4] - yi;
                    double sz0 = ia * m[2] + ib * m[5] - zi;
                    int rowBase = (bx * nby + by) * nbz;
                    // bins along c are contiguous in bin order: scan each run of one image in one loop
                    int vz = loZ;
                    while (vz <= hiZ) {
                        int ic = Math.floorDiv(vz, nbz);
                        int bz = vz - ic * nbz;
                        int runEnd = Math.min(hiZ, (ic + 1) * nbz - 1);
                        double sx = sx0 + ic * m[6];
                        double sy = sy0 + ic * m[7];
                        double sz = sz0 + ic * m[8];
                        int end = binStart[rowBase + bz + (runEnd - vz) + 1];
                        for (int q = binStart[rowBase + bz]; q < end; q++) {
                            double dx = xs[q] + sx;
                            double dy = ys[q] + sy;
                            double dz = zs[q] + sz;
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 <= rc2) {
                                int j = sortedIndex[q];
                                if (j == i ? keepSelfImage(half, ia, ib, ic) : !half || j > i) {
                                    consumer.accept(i, j, ia, ib, ic, Math.sqrt(d2));
                                }
                            }
                        }
                        vz = runEnd + 1;
                    }
                }
            }
        }
    }

    /** A site's own images: never the zero image; in a half list only the lexicographically positive half. */
    private static boolean keepSelfImage(boolean half, int ia, int ib, int ic) {
        if (ia == 0 && ib == 0 && ic == 0) {
            return false;
        }
        if (!half) {
            return true;
        }
        return ia > 0 || (ia == 0 && (ib > 0 || (ib == 0 && ic > 0)));
    }
}
