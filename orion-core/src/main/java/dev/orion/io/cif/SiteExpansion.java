package dev.orion.io.cif;

import dev.orion.symmetry.SymmetryOperation;
import java.util.Arrays;
import java.util.List;

/**
 * Applies symmetry operations to the sites of an asymmetric unit and merges the images, in time
 * linear in sites × operations.
 *
 * <p>Two rules, as gemmi and Open Babel apply them: an image of a site within
 * {@code mergeDistance} (minimum image, Å) of an image of the same site already kept is the same
 * atom (a special position) and is dropped; an image within {@code coincidence} of the position of
 * a <em>different</em> site shares that position (mixed occupancy), and the caller makes one site
 * of it. Positions come out site by site, operation by operation (gemmi's order).
 *
 * <p>Two grids of bins in fractional space, kept in hashes ({@link BinIndex}), make each image's
 * look-up a few bins: one holds the kept images of the current site (cleared for each site), with
 * bins no narrower than the merge distance; the other holds every position, with bins no narrower
 * than the coincidence distance. Kept images of one site are more than {@code mergeDistance} apart
 * and positions more than {@code coincidence} apart, so no bin ever holds more than a handful of
 * entries, whatever the input: there is no all-pairs comparison anywhere.
 */
final class SiteExpansion {

    /** Fractional tolerance used instead of distances in a degenerate cell. */
    static final double DEGENERATE_TOLERANCE = 1e-6;
    /** Bins per axis are capped so that three bin indices pack into one long. */
    private static final int MAX_BINS = 1 << 13;
    /** Tables are sized for at most this many images up front (a malformed file may ask for millions). */
    private static final int INITIAL_CAPACITY_LIMIT = 1 << 16;

    private final double[][] m;
    private final boolean degenerate;
    private final double mergeDistance;
    private final double coincidence;
    private final Grid images;
    private final Grid positions;

    private double[] ex;
    private double[] ey;
    private double[] ez;
    private int[] site;
    private int[] group;
    private int[] nextImage;
    private int entries;

    private List<SymmetryOperation> flatSource;
    private double[] flatOps;

    private int[] groupEntry;
    private int[] nextPosition;
    private int groups;

    /**
     * @param lattice       the lattice vectors as rows, Å
     * @param mergeDistance Å, images of one site within this are one atom
     * @param coincidence   Å, images of different sites within this share a position; capped at
     *                      {@code mergeDistance}
     * @param sites         the number of sites that will be added, to size the tables
     * @param operations    the number of operations per site, to size the tables
     */
    SiteExpansion(double[][] lattice, double mergeDistance, double coincidence, int sites, int operations) {
        this.m = lattice;
        double[] recip = CifCell.reciprocalLengths(lattice);
        boolean thin = false;
        for (int axis = 0; axis < 3; axis++) {
            thin |= !(mergeDistance * recip[axis] <= 0.5);
        }
        // In a cell thinner than twice the merge distance (a degenerate cell such as pymatgen's
        // "superflat" test file) every image would be in reach of every other: distances mean
        // nothing there, so only coinciding fractional coordinates merge.
        this.degenerate = thin;
        this.mergeDistance = thin ? DEGENERATE_TOLERANCE : mergeDistance;
        this.coincidence = thin ? DEGENERATE_TOLERANCE : Math.min(coincidence, mergeDistance);
        double[] mergeReach = new double[3];
        double[] coincidenceReach = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            mergeReach[axis] = thin ? DEGENERATE_TOLERANCE : this.mergeDistance * recip[axis];
            coincidenceReach[axis] = thin ? DEGENERATE_TOLERANCE : this.coincidence * recip[axis];
        }
        // Room for every image unless that is huge; the tables grow if a file needs more.
        int capacity = (int) Math.max(16, Math.min(INITIAL_CAPACITY_LIMIT, (long) sites * operations));
        ex = new double[capacity];
        ey = new double[capacity];
        ez = new double[capacity];
        site = new int[capacity];
        group = new int[capacity];
        nextImage = new int[capacity];
        groupEntry = new int[capacity];
        nextPosition = new int[capacity];
        this.images = new Grid(mergeReach, Math.max(1, operations));
        this.positions = new Grid(coincidenceReach, capacity);
    }

    /** @return whether the cell was too thin for distances, so that fractional coincidence was used */
    boolean degenerate() {
        return degenerate;
    }

    /**
     * Expands one site and records its images. Sites must be added in order, each once.
     *
     * @param siteIndex the site's index in the asymmetric unit
     * @param x         fractional x
     * @param y         fractional y
     * @param z         fractional z
     * @param ops       the operations
     * @param maxImages the largest number of kept images allowed; more throws {@link TooManySites}
     */
    void add(int siteIndex, double x, double y, double z, List<SymmetryOperation> ops, int maxImages) {
        double[] m = flat(ops);
        // Images of one site only ever meet images of the same site: a fresh, small, cache-hot table.
        images.clear();
        int first = -1;
        for (int o = 0; o < m.length; o += 12) {
            double nx = wrap(m[o] * x + m[o + 1] * y + m[o + 2] * z + m[o + 9]);
            double ny = wrap(m[o + 3] * x + m[o + 4] * y + m[o + 5] * z + m[o + 10]);
            double nz = wrap(m[o + 6] * x + m[o + 7] * y + m[o + 8] * z + m[o + 11]);
            // On a special position most images fall on the first one: check it before the grid.
            if (first >= 0 && distance(nx - ex[first], ny - ey[first], nz - ez[first]) <= mergeDistance) {
                continue;
            }
            int kept = addImage(siteIndex, nx, ny, nz, maxImages, first >= 0);
            first = first < 0 ? kept : first;
        }
    }

    /** @return the operations as rows of 12 numbers: the rotation row by row, then the translation */
    private double[] flat(List<SymmetryOperation> ops) {
        if (ops != flatSource) {
            double[] m = new double[12 * ops.size()];
            for (int o = 0; o < ops.size(); o++) {
                SymmetryOperation op = ops.get(o);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        m[12 * o + 3 * r + c] = op.rotation(r, c);
                    }
                    m[12 * o + 9 + r] = op.translation(r);
                }
            }
            flatOps = m;
            flatSource = ops;
        }
        return flatOps;
    }

    /** @return the index of the kept image, or -1 if it merged with an earlier image of its site */
    private int addImage(int siteIndex, double x, double y, double z, int maxImages, boolean siteHasImages) {
        if (siteHasImages && images.find(this, x, y, z, mergeDistance, true) >= 0) {
            return -1;
        }
        if (entries >= maxImages) {
            throw new TooManySites();
        }
        int joined = positions.find(this, x, y, z, coincidence, false);
        int e = appendImage(siteIndex, x, y, z);
        nextImage[e] = images.push(x, y, z, e);
        if (joined >= 0) {
            group[e] = group[joined];
        } else {
            int g = appendGroup(e);
            group[e] = g;
            nextPosition[g] = positions.push(x, y, z, g);
        }
        return e;
    }

    private int appendImage(int siteIndex, double x, double y, double z) {
        if (entries == ex.length) {
            int capacity = entries * 2;
            ex = Arrays.copyOf(ex, capacity);
            ey = Arrays.copyOf(ey, capacity);
            ez = Arrays.copyOf(ez, capacity);
            site = Arrays.copyOf(site, capacity);
            group = Arrays.copyOf(group, capacity);
            nextImage = Arrays.copyOf(nextImage, capacity);
        }
        int e = entries++;
        ex[e] = x;
        ey[e] = y;
        ez[e] = z;
        site[e] = siteIndex;
        return e;
    }

    private int appendGroup(int entry) {
        if (groups == groupEntry.length) {
            groupEntry = Arrays.copyOf(groupEntry, groups * 2);
            nextPosition = Arrays.copyOf(nextPosition, groups * 2);
        }
        groupEntry[groups] = entry;
        return groups++;
    }

    /** @return the number of distinct positions */
    int groups() {
        return groups;
    }

    /** @return the number of kept images (a position shared by k sites counts k times) */
    int entries() {
        return entries;
    }

    int entrySite(int e) {
        return site[e];
    }

    int entryGroup(int e) {
        return group[e];
    }

    /** @return the image that created position {@code g}; its coordinates are the position's */
    int groupEntry(int g) {
        return groupEntry[g];
    }

    double entryX(int e) {
        return ex[e];
    }

    double entryY(int e) {
        return ey[e];
    }

    double entryZ(int e) {
        return ez[e];
    }

    private double distance(double dx, double dy, double dz) {
        dx -= Math.rint(dx);
        dy -= Math.rint(dy);
        dz -= Math.rint(dz);
        if (degenerate) {
            return Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz)));
        }
        double cx = dx * m[0][0] + dy * m[1][0] + dz * m[2][0];
        double cy = dx * m[0][1] + dy * m[1][1] + dz * m[2][1];
        double cz = dx * m[0][2] + dy * m[1][2] + dz * m[2][2];
        return Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /** Reduces a fractional coordinate to [0, 1). */
    static double wrap(double v) {
        double w = v - Math.floor(v);
        return w >= 1.0 ? 0.0 : w;
    }

    /** Signals that the expansion exceeded its limit of images. */
    static final class TooManySites extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManySites() {
            super(null, null, false, false);
        }
    }

    /**
     * Bins of fractional space, wide enough that a sphere of the search radius overlaps at most
     * two bins per axis, each bin a chain of entries (images, or positions) in a hash.
     */
    private static final class Grid {
        private final int[] bins = new int[3];
        private final double[] reach;
        private final BinIndex index;

        Grid(double[] reach, int expectedEntries) {
            this.reach = reach;
            this.index = new BinIndex(expectedEntries);
            for (int axis = 0; axis < 3; axis++) {
                // Bins four times the reach: a search usually touches one or two bins per axis.
                double count = reach[axis] > 0 ? Math.floor(1.0 / (4 * reach[axis])) : MAX_BINS;
                bins[axis] = (int) Math.max(1, Math.min(MAX_BINS, count));
            }
        }

        /**
         * @param imagesGrid whether entries are images (chained by nextImage) or
         *                   positions (chained by nextPosition)
         * @return the matching entry within {@code radius} (the nearest for positions), or -1
         */
        int find(SiteExpansion s, double x, double y, double z, double radius, boolean imagesGrid) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            int x0 = bin(x - reach[0], 0);
            int x1 = bin(x + reach[0], 0);
            int y0 = bin(y - reach[1], 1);
            int y1 = bin(y + reach[1], 1);
            int z0 = bin(z - reach[2], 2);
            int z1 = bin(z + reach[2], 2);
            // A range wider than the grid (one or two bins per axis) would visit a bin twice: stop
            // after one full turn.
            for (int i = x0; i <= x1 && i - x0 < bins[0]; i++) {
                for (int j = y0; j <= y1 && j - y0 < bins[1]; j++) {
                    for (int k = z0; k <= z1 && k - z0 < bins[2]; k++) {
                        int head = index.head(key(i, j, k));
                        for (int e = head; e >= 0; e = imagesGrid ? s.nextImage[e] : s.nextPosition[e]) {
                            int image = imagesGrid ? e : s.groupEntry[e];
                            double d = s.distance(x - s.ex[image], y - s.ey[image], z - s.ez[image]);
                            if (d <= radius && d < bestDistance) {
                                if (imagesGrid) {
                                    return e;
                                }
                                best = image;
                                bestDistance = d;
                            }
                        }
                    }
                }
            }
            return best;
        }

        /** Adds an entry to its bin; @return the previous head of that bin's chain, or -1 */
        int push(double x, double y, double z, int entry) {
            return index.push(key(bin(x, 0), bin(y, 1), bin(z, 2)), entry);
        }

        void clear() {
            index.clear();
        }

        private int bin(double v, int axis) {
            return (int) Math.floor(v * bins[axis]);
        }

        private long key(int i, int j, int k) {
            long a = periodic(i, bins[0]);
            long b = periodic(j, bins[1]);
            long c = periodic(k, bins[2]);
            return (a << 26) | (b << 13) | c;
        }

        /** Bin indices are at most one bin outside [0, n) (positions are wrapped): skip the division. */
        private static int periodic(int i, int n) {
            if (i >= 0 && i < n) {
                return i;
            }
            return i == -1 ? n - 1 : i == n ? 0 : Math.floorMod(i, n);
        }
    }
}
