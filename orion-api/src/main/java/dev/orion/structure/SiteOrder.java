package dev.orion.structure;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Site orderings computed on the kind table, so sorting a million sites compares only a few kinds. */
final class SiteOrder {

    private SiteOrder() {
    }

    /**
     * The stable permutation that orders sites by the electronegativity of their main species, then
     * by symbol: {@code order[k]} is the old index of the new site {@code k}.
     */
    static int[] byElectronegativity(int[] kinds, List<Map<Species, Double>> kindTable) {
        Comparator<Map<Species, Double>> byMain = Comparator.comparing(Site::mainSpecies,
                Comparator.comparing(Species::element, Composition.ELECTRONEGATIVITY_ORDER));
        Integer[] kindOrder = new Integer[kindTable.size()];
        for (int k = 0; k < kindOrder.length; k++) {
            kindOrder[k] = k;
        }
        Arrays.sort(kindOrder, Comparator.comparing(kindTable::get, byMain));
        int[] rank = new int[kindOrder.length];
        int r = -1;
        for (int k = 0; k < kindOrder.length; k++) {
            if (k == 0 || byMain.compare(kindTable.get(kindOrder[k - 1]), kindTable.get(kindOrder[k])) != 0) {
                r++;
            }
            rank[kindOrder[k]] = r;
        }
        // counting sort on the ranks keeps equal sites in their original order
        int[] start = new int[r + 2];
        for (int kind : kinds) {
            start[rank[kind] + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] order = new int[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            order[start[rank[kinds[i]]]++] = i;
        }
        return order;
    }
}
