package dev.orion.symmetry;

import dev.orion.structure.Lattice;
import java.util.ArrayList;
import java.util.List;

final class WyckoffPositions {
    private WyckoffPositions() {
    }

    static List<String> letters(SpaceGroupType type, double[] convPositions, Lattice lattice, int[] mapping, double tol) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < mapping.length; i++) {
            out.add("?");
        }
        return out;
    }
}
