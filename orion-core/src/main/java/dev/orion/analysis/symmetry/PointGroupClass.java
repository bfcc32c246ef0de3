package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;
import dev.orion.symmetry.CrystalSystem;
import java.util.List;

/**
 * The 32 crystallographic point groups, each recognised by how many rotations of each kind
 * (-6, -4, -3, m, -1, 1, 2, 3, 4, 6) it contains; that count identifies it uniquely.
 */
enum PointGroupClass {
    C1("1", CrystalSystem.TRICLINIC, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0),
    CI("-1", CrystalSystem.TRICLINIC, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0),
    C2("2", CrystalSystem.MONOCLINIC, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0),
    CS("m", CrystalSystem.MONOCLINIC, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0),
    C2H("2/m", CrystalSystem.MONOCLINIC, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0),
    D2("222", CrystalSystem.ORTHORHOMBIC, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0),
    C2V("mm2", CrystalSystem.ORTHORHOMBIC, 0, 0, 0, 2, 0, 1, 1, 0, 0, 0),
    D2H("mmm", CrystalSystem.ORTHORHOMBIC, 0, 0, 0, 3, 1, 1, 3, 0, 0, 0),
    C4("4", CrystalSystem.TETRAGONAL, 0, 0, 0, 0, 0, 1, 1, 0, 2, 0),
    S4("-4", CrystalSystem.TETRAGONAL, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0),
    C4H("4/m", CrystalSystem.TETRAGONAL, 0, 2, 0, 1, 1, 1, 1, 0, 2, 0),
    D4("422", CrystalSystem.TETRAGONAL, 0, 0, 0, 0, 0, 1, 5, 0, 2, 0),
    C4V("4mm", CrystalSystem.TETRAGONAL, 0, 0, 0, 4, 0, 1, 1, 0, 2, 0),
    D2D("-42m", CrystalSystem.TETRAGONAL, 0, 2, 0, 2, 0, 1, 3, 0, 0, 0),
    D4H("4/mmm", CrystalSystem.TETRAGONAL, 0, 2, 0, 5, 1, 1, 5, 0, 2, 0),
    C3("3", CrystalSystem.TRIGONAL, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0),
    C3I("-3", CrystalSystem.TRIGONAL, 0, 0, 2, 0, 1, 1, 0, 2, 0, 0),
    D3("32", CrystalSystem.TRIGONAL, 0, 0, 0, 0, 0, 1, 3, 2, 0, 0),
    C3V("3m", CrystalSystem.TRIGONAL, 0, 0, 0, 3, 0, 1, 0, 2, 0, 0),
    D3D("-3m", CrystalSystem.TRIGONAL, 0, 0, 2, 3, 1, 1, 3, 2, 0, 0),
    C6("6", CrystalSystem.HEXAGONAL, 0, 0, 0, 0, 0, 1, 1, 2, 0, 2),
    C3H("-6", CrystalSystem.HEXAGONAL, 2, 0, 0, 1, 0, 1, 0, 2, 0, 0),
    C6H("6/m", CrystalSystem.HEXAGONAL, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2),
    D6("622", CrystalSystem.HEXAGONAL, 0, 0, 0, 0, 0, 1, 7, 2, 0, 2),
    C6V("6mm", CrystalSystem.HEXAGONAL, 0, 0, 0, 6, 0, 1, 1, 2, 0, 2),
    D3H("-6m2", CrystalSystem.HEXAGONAL, 2, 0, 0, 4, 0, 1, 3, 2, 0, 0),
    D6H("6/mmm", CrystalSystem.HEXAGONAL, 2, 0, 2, 7, 1, 1, 7, 2, 0, 2),
    T("23", CrystalSystem.CUBIC, 0, 0, 0, 0, 0, 1, 3, 8, 0, 0),
    TH("m-3", CrystalSystem.CUBIC, 0, 0, 8, 3, 1, 1, 3, 8, 0, 0),
    O("432", CrystalSystem.CUBIC, 0, 0, 0, 0, 0, 1, 9, 8, 6, 0),
    TD("-43m", CrystalSystem.CUBIC, 0, 6, 0, 6, 0, 1, 3, 8, 0, 0),
    OH("m-3m", CrystalSystem.CUBIC, 0, 6, 8, 9, 1, 1, 9, 8, 6, 0);

    final String symbol;
    final CrystalSystem system;
    private final int[] counts;

    PointGroupClass(String symbol, CrystalSystem system, int... counts) {
        this.symbol = symbol;
        this.system = system;
        this.counts = counts;
    }

    /**
     * Index of a rotation's kind in the count vector (-6, -4, -3, m, -1, 1, 2, 3, 4, 6), or -1
     * if the matrix is not a crystallographic rotation.
     */
    static int kind(int[] w) {
        int det = Matrix3.determinant(w);
        int tr = Matrix3.trace(w);
        if (det == 1) {
            switch (tr) {
                case 3: return 5;
                case -1: return 6;
                case 0: return 7;
                case 1: return 8;
                case 2: return 9;
                default: return -1;
            }
        }
        if (det == -1) {
            switch (tr) {
                case -2: return 0;
                case -1: return 1;
                case 0: return 2;
                case 1: return 3;
                case -3: return 4;
                default: return -1;
            }
        }
        return -1;
    }

    /** The point group of a set of rotations, or null if the counts match none (not a group). */
    static PointGroupClass of(List<Op> ops) {
        int[] c = new int[10];
        for (Op op : ops) {
            int k = kind(op.w);
            if (k < 0) {
                return null;
            }
            c[k]++;
        }
        for (PointGroupClass pg : values()) {
            if (java.util.Arrays.equals(pg.counts, c)) {
                return pg;
            }
        }
        return null;
    }
}
