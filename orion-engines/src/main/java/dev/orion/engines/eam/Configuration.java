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
 * A pair stores the integer lattice offset that, added to {@code f_j - f_i}, gives the nearest
 * image seen at build time; the list is rebuilt when an atom moved more than half the skin or the
 * cell changed.
 */
final class Configuration {

    final Structure template;
    final int n;
    final double[] frac;
    final int[] types;
    double[] cell = new double[9];
    private final double cutoff;
    private final double skin;
    int[] pairI = new int[0];
    int[] pairJ = new int[0];
    int[] offset = new int[0];
    /** Per pair: index into {@link #shifts} of its lattice offset (few distinct offsets exist). */
    int[] shiftOf = new int[0];
    /** Distinct lattice offsets, 3 integers each. */
    int[] shifts = new int[0];
    int shiftCount;
    int pairs;
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

    /**
     * Cartesian positions of the atoms and of the distinct lattice offsets in the current cell, so
     * that a pair's vector is {@code x_j - x_i + shift}.
     */
    void cartesian(double[] x, double[] shift) {
        double[] L = cell;
        for (int i = 0; i < n; i++) {
            double a = frac[3 * i];
            double b = frac[3 * i + 1];
            double g = frac[3 * i + 2];
            x[3 * i] = a * L[0] + b * L[3] + g * L[6];
            x[3 * i + 1] = a * L[1] + b * L[4] + g * L[7];
            x[3 * i + 2] = a * L[2] + b * L[5] + g * L[8];
        }
        for (int k = 0; k < shiftCount; k++) {
            double a = shifts[3 * k];
            double b = shifts[3 * k + 1];
            double g = shifts[3 * k + 2];
            shift[3 * k] = a * L[0] + b * L[3] + g * L[6];
            shift[3 * k + 1] = a * L[1] + b * L[4] + g * L[7];
            shift[3 * k + 2] = a * L[2] + b * L[5] + g * L[8];
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
        if (pairI.length < size) {
            pairI = new int[size];
            pairJ = new int[size];
            offset = new int[3 * size];
            shiftOf = new int[size];
        }
        java.util.HashMap<Long, Integer> ids = new java.util.HashMap<>();
        int[] table = new int[3 * 64];
        int[] centers = list.centers();
        int[] nbrs = list.neighborIndices();
        int[] images = list.images();
        for (int k = 0; k < size; k++) {
            int i = centers[k];
            int j = nbrs[k];
            pairI[k] = i;
            pairJ[k] = j;
            for (int c = 0; c < 3; c++) {
                // w = f - shift: d = (w_j + img - w_i) L = (f_j - f_i + img - shift_j + shift_i) L
                offset[3 * k + c] = images[3 * k + c] - shift[3 * j + c] + shift[3 * i + c];
            }
            long key = ((offset[3 * k] + 1048576L) << 42) | ((offset[3 * k + 1] + 1048576L) << 21) | (offset[3 * k + 2] + 1048576L);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                if (table.length < 3 * (id + 1)) {
                    table = java.util.Arrays.copyOf(table, table.length * 2);
                }
                System.arraycopy(offset, 3 * k, table, 3 * id, 3);
            }
            shiftOf[k] = id;
        }
        shifts = table;
        shiftCount = ids.size();
        pairs = size;
        fracAtBuild = frac.clone();
        cellAtBuild = cell.clone();
        builds++;
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
