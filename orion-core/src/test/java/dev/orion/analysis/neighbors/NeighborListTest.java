package dev.orion.analysis.neighbors;

import dev.orion.neighbors.Neighbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeighborListTest {

    private static final Element[] ELEMENTS = {Element.Na, Element.Cl, Element.O, Element.Fe, Element.Si};

    /** Random cells: triclinic, strongly sheared, tiny, with sites outside [0, 1). */
    static Structure randomStructure(Random rnd) {
        Lattice lattice;
        switch (rnd.nextInt(4)) {
            case 0 -> lattice = Lattice.fromParameters(2 + 8 * rnd.nextDouble(), 2 + 8 * rnd.nextDouble(),
                    2 + 8 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble(),
                    60 + 60 * rnd.nextDouble());
            case 1 -> lattice = Lattice.of(new double[][] {
                {3 + 3 * rnd.nextDouble(), 0, 0},
                {(rnd.nextDouble() - 0.5) * 12, 2 + 3 * rnd.nextDouble(), 0},
                {(rnd.nextDouble() - 0.5) * 12, (rnd.nextDouble() - 0.5) * 12, 2 + 3 * rnd.nextDouble()}});
            case 2 -> lattice = Lattice.fromParameters(0.8 + rnd.nextDouble(), 0.8 + rnd.nextDouble(),
                    0.8 + rnd.nextDouble(), 70 + 40 * rnd.nextDouble(), 70 + 40 * rnd.nextDouble(),
                    70 + 40 * rnd.nextDouble());
            default -> {
                // rotated, general matrix (not upper triangular), possibly left-handed
                double[][] m = new double[3][3];
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        m[r][c] = (r == c ? 4 : 0) + (rnd.nextDouble() - 0.5) * 4;
                    }
                }
                if (rnd.nextBoolean()) {
                    m[0] = new double[] {-m[0][0], -m[0][1], -m[0][2]};
                }
                lattice = Lattice.of(m);
            }
        }
        int n = 1 + rnd.nextInt(12);
        StructureBuilder b = Structure.builder().lattice(lattice);
        for (int i = 0; i < n; i++) {
            b.addSite(ELEMENTS[rnd.nextInt(ELEMENTS.length)], 3 * rnd.nextDouble() - 1, 3 * rnd.nextDouble() - 1,
                    3 * rnd.nextDouble() - 1);
        }
        return b.build();
    }

    static Map<Long, Double> asMap(NeighborList nl) {
        Map<Long, Double> m = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (int k = 0; k < nl.size(); k++) {
            long key = BruteForce.key(nl.center(k), nl.neighbor(k), nl.imageA(k), nl.imageB(k), nl.imageC(k));
            if (m.put(key, nl.distance(k)) != null) {
                twice.add(BruteForce.describe(key));
            }
        }
        assertThat(twice).as("pairs listed twice").isEmpty();
        return m;
    }

    static void assertSamePairs(Map<Long, Double> actual, Map<Long, Double> expected) {
        List<String> missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).map(BruteForce::describe).toList();
        List<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).map(BruteForce::describe).toList();
        assertThat(missing).as("pairs the cell list missed").isEmpty();
        assertThat(extra).as("pairs the brute force did not find").isEmpty();
        List<String> off = new ArrayList<>();
        expected.forEach((k, d) -> {
            if (!(Math.abs(actual.get(k) - d) <= 1e-10)) {
                off.add(BruteForce.describe(k) + ": " + actual.get(k) + " instead of " + d);
            }
        });
        assertThat(off).as("distances more than 1e-10 Å from the brute force").isEmpty();
    }

    static Map<Long, Double> halfOf(Map<Long, Double> full) {
        Map<Long, Double> half = new HashMap<>();
        full.forEach((k, d) -> {
            int i = BruteForce.center(k);
            int j = BruteForce.neighbor(k);
            int[] img = BruteForce.image(k);
            int a = img[0];
            int b = img[1];
            int c = img[2];
            boolean positive = a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
            if (j > i || (j == i && positive)) {
                half.put(k, d);
            }
        });
        return half;
    }

    @Test
    void fullAndHalfListsEqualBruteForceOnRandomCells() {
        Random rnd = new Random(20261121);
        for (int trial = 0; trial < 200; trial++) {
            Structure s = randomStructure(rnd);
            double longest = Math.max(s.lattice().a(), Math.max(s.lattice().b(), s.lattice().c()));
            // from well inside the cell up to several cell lengths (many images)
            double cutoff = 0.3 + rnd.nextDouble() * (trial % 3 == 0 ? 2.5 * longest : 0.8 * longest);
            Map<Long, Double> expected = BruteForce.fullPairs(s, cutoff);
            NeighborList full = Neighbors.full(s, cutoff);
            NeighborList half = Neighbors.half(s, cutoff);
            assertSamePairs(asMap(full), expected);
            assertSamePairs(asMap(half), halfOf(expected));
            assertThat(half.coordinationNumbers()).isEqualTo(full.coordinationNumbers());
            assertThat(full.size()).isEqualTo(2 * half.size());
        }
    }

    @Test
    void manySitesOnAFineBinGridEqualBruteForce() {
        // enough sites for a grid of many bins per axis, so runs of bins and wrapping rows are exercised
        Random rnd = new Random(314);
        for (int trial = 0; trial < 3; trial++) {
            Lattice lattice = trial == 0 ? Lattice.fromParameters(17, 19, 23, 72, 101, 115)
                    : trial == 1 ? Lattice.of(new double[][] {{18, 0, 0}, {9, 16, 0}, {-7, 5, 21}})
                    : Lattice.orthorhombic(14, 25, 19);
            StructureBuilder b = Structure.builder().lattice(lattice);
            for (int i = 0; i < 400; i++) {
                b.addSite(ELEMENTS[i % ELEMENTS.length], rnd.nextDouble(), rnd.nextDouble(), 2 * rnd.nextDouble() - 0.5);
            }
            Structure s = b.build();
            double cutoff = 3.0 + 1.5 * trial;
            Map<Long, Double> expected = BruteForce.fullPairs(s, cutoff);
            assertSamePairs(asMap(Neighbors.full(s, cutoff)), expected);
            assertSamePairs(asMap(Neighbors.half(s, cutoff)), halfOf(expected));
        }
    }

    @Test
    void everyAtomOfABccSupercellHasFourteenNeighbours() {
        double a = 3.147;
        Structure mo = Structure.builder().lattice(Lattice.cubic(a))
                .addSite(Element.Mo, 0, 0, 0).addSite(Element.Mo, 0.5, 0.5, 0.5).build().supercell(5, 6, 7);
        NeighborList nl = Neighbors.full(mo, 4.0);
        assertThat(nl.coordinationNumbers()).hasSize(420).containsOnly(14);
        for (int k = 0; k < nl.size(); k++) {
            double d = nl.distance(k);
            assertThat(Math.min(Math.abs(d - a * Math.sqrt(3) / 2), Math.abs(d - a))).isLessThan(1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.1, 3.05, 7.5})
    void tinyCellWithLongCutoffFindsEveryImage(double cutoff) {
        Structure s = Structure.builder().lattice(Lattice.fromParameters(0.9, 1.0, 1.3, 75, 100, 115))
                .addSite(Element.H, 0.1, 0.2, 0.3).addSite(Element.H, 0.9, 0.6, 0.4).build();
        Map<Long, Double> expected = BruteForce.fullPairs(s, cutoff);
        assertSamePairs(asMap(Neighbors.full(s, cutoff)), expected);
        assertSamePairs(asMap(Neighbors.half(s, cutoff)), halfOf(expected));
    }

    @Test
    void pairsAreGroupedByCentreWithOffsets() {
        Structure s = randomStructure(new Random(7));
        NeighborList nl = Neighbors.full(s, 4.0);
        int[] centers = nl.centers();
        for (int i = 0; i < s.size(); i++) {
            for (int k = nl.start(i); k < nl.end(i); k++) {
                assertThat(centers[k]).isEqualTo(i);
            }
        }
        assertThat(nl.end(s.size() - 1)).isEqualTo(nl.size());
        assertThat(nl.neighborIndices()).hasSize(nl.size());
        assertThat(nl.images()).hasSize(3 * nl.size());
        assertThat(nl.distances()).hasSize(nl.size());
    }

    @Test
    void perSiteViewOfBccIsSortedAndHasTheRightShells() {
        double a = 3.147;
        Structure mo = Structure.builder().lattice(Lattice.cubic(a))
                .addSite(Element.Mo, 0, 0, 0).addSite(Element.Mo, 0.5, 0.5, 0.5).build();
        NeighborList nl = Neighbors.full(mo, 3.5);
        List<dev.orion.neighbors.Neighbor> n0 = nl.neighbors(0);
        assertThat(n0).hasSize(14);
        for (int k = 0; k < 8; k++) {
            assertThat(n0.get(k).index()).isEqualTo(1);
            assertThat(n0.get(k).distance()).isCloseTo(a * Math.sqrt(3) / 2, within(1e-12));
        }
        for (int k = 8; k < 14; k++) {
            assertThat(n0.get(k).index()).isZero();
            assertThat(n0.get(k).distance()).isCloseTo(a, within(1e-12));
            int[] img = n0.get(k).image();
            assertThat(Math.abs(img[0]) + Math.abs(img[1]) + Math.abs(img[2])).isEqualTo(1);
        }
        assertThat(nl.coordinationNumbers()).containsExactly(14, 14);
        assertThat(Neighbors.half(mo, 3.5).neighbors(0)).hasSize(8 + 3);
        assertThat(nl.shortestDistance()).hasValueCloseTo(a * Math.sqrt(3) / 2, within(1e-12));
    }

    @Test
    void supercellHasTheSameCoordinationAsItsCell() {
        Random rnd = new Random(99);
        Structure s = randomStructure(rnd);
        Structure big = s.supercell(2, 3, 2);
        int[] small = Neighbors.coordinationNumbers(s, 3.2);
        int[] large = Neighbors.coordinationNumbers(big, 3.2);
        // supercells hold the copies of a site one after another
        for (int i = 0; i < s.size(); i++) {
            for (int copy = 0; copy < 12; copy++) {
                assertThat(large[12 * i + copy]).isEqualTo(small[i]);
            }
        }
    }

    @Test
    void emptyStructureAndBadCutoffs() {
        Structure empty = Structure.builder().lattice(Lattice.cubic(3)).build();
        assertThat(Neighbors.full(empty, 2).size()).isZero();
        Structure one = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.Fe, 0, 0, 0).build();
        assertThatThrownBy(() -> Neighbors.full(one, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cutoff").hasMessageContaining("0.0");
        assertThatThrownBy(() -> Neighbors.half(one, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Neighbors.full(one, 1e5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }

    @Test
    void accessorsCheckIndices() {
        Structure one = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.Fe, 0, 0, 0).build();
        NeighborList nl = Neighbors.full(one, 3);
        assertThat(nl.size()).isEqualTo(6);
        assertThatThrownBy(() -> nl.distance(6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> nl.neighbors(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(nl.toString()).contains("full").contains("pairs=6");
    }
}
