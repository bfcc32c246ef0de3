package dev.orion.engines.eam;

import dev.orion.analysis.neighbors.NeighborList;
import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;

/**
 * Mutable atomic positions (fractional, not wrapped, so they move continuously) in a mutable cell,
 * with a Verlet half-neighbour list of {@code cutoff + skin} built by orion-core's cell-list search.
 * A neighbour across the cell's faces is a ghost: the atom's unwrapped position plus the integer
 * lattice offset of the image seen at build time, so ghosts follow their atoms and the cell between
 * rebuilds; the list is rebuilt when atoms moved, or the cell strained, by more than the skin allows
 * (see {@link #ensureNeighbors()}).
 */
final class Configuration {

    final Structure template;
    final int n;
    final double[] frac;
    final int[] types;
    double[] cell = new double[9];
    private final double cutoff;
    private final double skin;
    /**
     * The half list, grouped by centre: atom {@code i}'s neighbours are {@code neighbor[first[i]] ..
     * neighbor[first[i + 1] - 1]}, each an <em>entry</em>: an atom ({@code < n}) or a ghost (an image of
     * an atom across the cell's faces, {@code n + g}), as LAMMPS's ghost atoms, so that the force loops
     * never look up a lattice offset.
     */
    int[] first = new int[1];
    int[] neighbor = new int[0];
    int pairs;
    /** Number of ghosts. */
    int ghosts;
    /** Per ghost: the atom it is an image of. */
    int[] ghostOwner = new int[0];
    /** Per ghost: its lattice offset from the owner's unwrapped position, 3 integers. */
    int[] ghostOffset = new int[0];
    /** Per atom: its ghosts are {@code ghostsByOwner[firstGhost[i]] .. ghostsByOwner[firstGhost[i + 1] - 1]}. */
    int[] firstGhost = new int[1];
    /** Ghost numbers grouped by owner, increasing within an owner. */
    int[] ghostsByOwner = new int[0];
    /** Per entry (atoms, then ghosts): the atom type. */
    int[] entryType = new int[0];
    private double[] fracAtBuild;
    private double[] cellAtBuild;
    int builds;

    Configuration(Structure s, int[] types, double cutoff, double skin) {
        this.template = s;
        this.n = s.size();
        this.frac = s.fracCoords().clone();
        this.types = types;
        double[][] m = s.lattice().matrix();
        for (int r = 0; r < 3; r++) {
            System.arraycopy(m[r], 0, cell, 3 * r, 3);
        }
        this.cutoff = cutoff;
        this.skin = skin;
    }

    /** @return atoms plus ghosts, the length of per-entry arrays */
    int entries() {
        return n + ghosts;
    }

    /** Cartesian positions of the entries (atoms, then ghosts) in the current cell, 3 per entry, into {@code x}. */
    void cartesian(double[] x) {
        double[] L = cell;
        for (int i = 0; i < n; i++) {
            double a = frac[3 * i];
            double b = frac[3 * i + 1];
            double g = frac[3 * i + 2];
            x[3 * i] = a * L[0] + b * L[3] + g * L[6];
            x[3 * i + 1] = a * L[1] + b * L[4] + g * L[7];
            x[3 * i + 2] = a * L[2] + b * L[5] + g * L[8];
        }
        for (int g = 0; g < ghosts; g++) {
            int o = 3 * ghostOwner[g];
            double a = frac[o] + ghostOffset[3 * g];
            double b = frac[o + 1] + ghostOffset[3 * g + 1];
            double c = frac[o + 2] + ghostOffset[3 * g + 2];
            int e = 3 * (n + g);
            x[e] = a * L[0] + b * L[3] + c * L[6];
            x[e + 1] = a * L[1] + b * L[4] + c * L[7];
            x[e + 2] = a * L[2] + b * L[5] + c * L[8];
        }
    }

    double volume() {
        double[] c = cell;
        return Math.abs(c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6])
                + c[2] * (c[3] * c[7] - c[4] * c[6]));
    }

    Lattice lattice() {
        return Lattice.of(new double[][] {{cell[0], cell[1], cell[2]}, {cell[3], cell[4], cell[5]}, {cell[6], cell[7], cell[8]}});
    }

    /**
     * Rebuilds the neighbour list unless it still holds every pair within the cutoff: a pair beyond
     * {@code cutoff + skin} at the last build is now at least {@code (1 - e)(cutoff + skin) - 2d} apart,
     * where {@code d} is the largest atomic displacement and {@code e} bounds the cell's strain since
     * (the Frobenius norm of {@code L_build^-1 L - I}), so the list is kept while
     * {@code 2d + e (cutoff + skin) < skin}. An NPT run's slowly breathing cell thus keeps its list.
     */
    void ensureNeighbors() {
        if (fracAtBuild != null && 2 * maxDisplacement() + strainSinceBuild() * (cutoff + skin) < skin) {
            return;
        }
        int[] shift = new int[3 * n];
        double[] wrapped = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) {
            double w = frac[k] - Math.floor(frac[k]);
            if (w >= 1.0) {
                w = 0.0;
            }
            wrapped[k] = w;
            shift[k] = (int) Math.round(frac[k] - w);
        }
        Structure current = structure(wrapped);
        NeighborList list = Neighbors.half(current, cutoff + skin);
        int size = list.size();
        if (neighbor.length < size) {
            neighbor = new int[size];
        }
        if (first.length < n + 1) {
            first = new int[n + 1];
        }
        // each atom's ghosts in a chain (few per atom): head[j], then next[g]
        int[] head = new int[n];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[64];
        int[] owners = new int[64];
        int[] offsets = new int[3 * 64];
        int count = 0;
        int[] nbrs = list.neighborIndices();
        int[] images = list.images();
        int[] offset = new int[3];
        for (int i = 0; i < n; i++) {
            first[i] = list.start(i);
            for (int k = list.start(i); k < list.end(i); k++) {
                int j = nbrs[k];
                boolean shifted = false;
                for (int c = 0; c < 3; c++) {
                    // w = f - shift: d = (w_j + img - w_i) L = (f_j - f_i + img - shift_j + shift_i) L
                    offset[c] = images[3 * k + c] - shift[3 * j + c] + shift[3 * i + c];
                    shifted |= offset[c] != 0;
                }
                if (!shifted) {
                    neighbor[k] = j;
                    continue;
                }
                int g = head[j];
                while (g >= 0 && (offsets[3 * g] != offset[0] || offsets[3 * g + 1] != offset[1]
                        || offsets[3 * g + 2] != offset[2])) {
                    g = next[g];
                }
                if (g < 0) {
                    g = count++;
                    if (owners.length == g) {
                        owners = java.util.Arrays.copyOf(owners, 2 * g);
                        next = java.util.Arrays.copyOf(next, 2 * g);
                        offsets = java.util.Arrays.copyOf(offsets, 6 * g);
                    }
                    owners[g] = j;
                    System.arraycopy(offset, 0, offsets, 3 * g, 3);
                    next[g] = head[j];
                    head[j] = g;
                }
                neighbor[k] = n + g;
            }
        }
        first[n] = size;
        sortByDistance(list.distances());
        ghosts = count;
        ghostOwner = owners;
        ghostOffset = offsets;
        groupGhostsByOwner();
        entryType = java.util.Arrays.copyOf(types, n + ghosts);
        for (int g = 0; g < ghosts; g++) {
            entryType[n + g] = types[owners[g]];
        }
        pairs = size;
        fracAtBuild = frac.clone();
        cellAtBuild = cell.clone();
        builds++;
    }

    private void groupGhostsByOwner() {
        firstGhost = new int[n + 1];
        for (int g = 0; g < ghosts; g++) {
            firstGhost[ghostOwner[g] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            firstGhost[i + 1] += firstGhost[i];
        }
        ghostsByOwner = new int[ghosts];
        int[] next = java.util.Arrays.copyOf(firstGhost, n);
        for (int g = 0; g < ghosts; g++) {
            ghostsByOwner[next[ghostOwner[g]]++] = g;
        }
    }

    /**
     * Orders each atom's neighbours nearest first (ties by entry), so that the force loops' test
     * against the cutoff passes for a run of pairs and then fails, which a branch predictor follows.
     */
    private void sortByDistance(double[] distances) {
        long[] keys = new long[distances.length];
        for (int k = 0; k < distances.length; k++) {
            keys[k] = ((long) Float.floatToIntBits((float) distances[k]) << 32) | neighbor[k];
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.sort(keys, first[i], first[i + 1]);
        }
        for (int k = 0; k < distances.length; k++) {
            neighbor[k] = (int) keys[k];
        }
    }

    private double strainSinceBuild() {
        if (java.util.Arrays.equals(cell, cellAtBuild)) {
            return 0;
        }
        double[] m = Matrix3.multiply(Matrix3.inverse(cellAtBuild), cell);
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                double d = m[3 * r + k] - (r == k ? 1 : 0);
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    private double maxDisplacement() {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double dx = frac[3 * i] - fracAtBuild[3 * i];
            double dy = frac[3 * i + 1] - fracAtBuild[3 * i + 1];
            double dz = frac[3 * i + 2] - fracAtBuild[3 * i + 2];
            double x = dx * cell[0] + dy * cell[3] + dz * cell[6];
            double y = dx * cell[1] + dy * cell[4] + dz * cell[7];
            double z = dx * cell[2] + dy * cell[5] + dz * cell[8];
            max = Math.max(max, x * x + y * y + z * z);
        }
        return Math.sqrt(max);
    }

    /** @return the current structure, fractional coordinates wrapped into [0, 1) */
    Structure structure() {
        double[] wrapped = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) {
            double w = frac[k] - Math.floor(frac[k]);
            wrapped[k] = w >= 1.0 ? 0.0 : w;
        }
        return structure(wrapped);
    }

    private Structure structure(double[] f) {
        var b = Structure.builder().lattice(lattice());
        for (int i = 0; i < n; i++) {
            Site site = template.site(i);
            b.addSite(site.toBuilder().frac(f[3 * i], f[3 * i + 1], f[3 * i + 2]).build());
        }
        return b.build();
    }
}
