package dev.orion.analysis.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighborsTest {

    static Structure rockSalt(double a) {
        StructureBuilder s = Structure.builder().lattice(Lattice.cubic(a));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            s.addSite(Element.Na, p[0], p[1], p[2]);
            s.addSite(Element.Cl, p[0] + 0.5, p[1], p[2]);
        }
        return s.build();
    }

    @Test
    void shortestDistanceEqualsBruteForceOnRandomCells() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            Structure s = NeighborListTest.randomStructure(rnd);
            double expected = Double.POSITIVE_INFINITY;
            // the longest cell vector bounds the shortest distance from above
            double bound = Math.max(s.lattice().a(), Math.max(s.lattice().b(), s.lattice().c()));
            for (double d : BruteForce.fullPairs(s, bound).values()) {
                expected = Math.min(expected, d);
            }
            assertThat(Neighbors.shortestDistance(s)).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void shortestDistanceOfKnownCells() {
        assertThat(Neighbors.shortestDistance(rockSalt(5.64))).isCloseTo(2.82, within(1e-12));
        // one atom: the shortest lattice vector, here the short diagonal of a flat sheared cell
        Structure one = Structure.builder().lattice(Lattice.of(new double[][] {{10, 0, 0}, {9.5, 1, 0}, {0, 0, 20}}))
                .addSite(Element.Fe, 0.3, 0.3, 0.3).build();
        assertThat(Neighbors.shortestDistance(one)).isCloseTo(Math.hypot(0.5, 1), within(1e-12));
        Structure overlapping = Structure.builder().lattice(Lattice.cubic(4))
                .addSite(Element.Fe, 0.25, 0.25, 0.25).addSite(Element.Fe, 1.25, 0.25, -0.75).build();
        assertThat(Neighbors.shortestDistance(overlapping)).isLessThan(1e-12);
        assertThatThrownBy(() -> Neighbors.shortestDistance(Structure.builder().lattice(Lattice.cubic(3)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sites");
    }

    @Test
    void coordinationNumbersByCutoffAndByCovalentRadii() {
        Structure nacl = rockSalt(5.64);
        assertThat(Neighbors.coordinationNumbers(nacl, 3.0)).containsOnly(6);
        assertThat(Neighbors.coordinationNumbers(nacl, 4.0)).containsOnly(18);
        // Na 1.66 + Cl 1.02 + 0.3 = 2.98 > 2.82; Na-Na 3.99 > 3.32 + 0.3
        assertThat(Neighbors.covalentCoordinationNumbers(nacl, 0.3)).containsOnly(6);
        assertThat(Neighbors.covalentCoordinationNumbers(nacl, 0.1)).containsOnly(0);
        Structure bk = Structure.builder().lattice(Lattice.cubic(4)).addSite(Element.Bk, 0, 0, 0).build();
        assertThatThrownBy(() -> Neighbors.covalentCoordinationNumbers(bk, 0.3))
                .hasMessageContaining("Bk").hasMessageContaining("covalent radius");
        // a half-occupied site bonds with the mean radius of its species
        Structure mixed = Structure.builder().lattice(Lattice.cubic(5.64))
                .addSite(Site.builder().species(Element.Na, 0.5).species(Element.K, 0.5).frac(0, 0, 0).build())
                .addSite(Element.Cl, 0.5, 0, 0).build();
        assertThat(Neighbors.covalentRadii(mixed)[0]).isCloseTo((1.66 + 2.03) / 2, within(1e-12));
    }

    @Test
    void rdfCountsNeighboursAndTendsToOneForRandomPoints() {
        Structure nacl = rockSalt(5.64);
        RadialDistribution g = Neighbors.rdf(nacl, 3.0, 0.05);
        assertThat(g.binCount()).isEqualTo(60);
        double rho = nacl.size() / nacl.volume();
        double neighbours = 0;
        for (int k = 0; k < g.binCount(); k++) {
            double lo = k * g.binWidth();
            double hi = lo + g.binWidth();
            neighbours += g.g(k) * rho * 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
        }
        assertThat(neighbours).isCloseTo(6.0, within(1e-9));
        assertThat(g.g(56)).isGreaterThan(0);
        assertThat(g.r(56)).isCloseTo(2.825, within(1e-12));

        RadialDistribution naNa = Neighbors.partialRdf(nacl, Element.Na, Element.Na, 3.0, 0.05);
        assertThat(naNa.values()).containsOnly(0.0);
        assertThat(naNa.elements()).isPresent();
        assertThatThrownBy(() -> Neighbors.partialRdf(nacl, Element.K, Element.Cl, 3, 0.1))
                .hasMessageContaining("K");

        Random rnd = new Random(5);
        StructureBuilder gas = Structure.builder().lattice(Lattice.cubic(20));
        for (int i = 0; i < 2000; i++) {
            gas.addSite(Element.Ar, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
        }
        RadialDistribution ideal = Neighbors.rdf(gas.build(), 6.0, 0.5);
        for (int k = 8; k < ideal.binCount(); k++) {
            assertThat(ideal.g(k)).isCloseTo(1.0, within(0.05));
        }
        assertThatThrownBy(() -> Neighbors.rdf(nacl, 3, 4)).hasMessageContaining("binWidth");
    }

    @Test
    void forEachPairStreamsTheHalfList() {
        Structure nacl = rockSalt(5.64);
        int[] count = {0};
        Neighbors.forEachPair(nacl, 4.0, (i, j, a, b, c, d) -> {
            assertThat(d).isLessThanOrEqualTo(4.0);
            count[0]++;
        });
        assertThat(count[0]).isEqualTo(Neighbors.half(nacl, 4.0).size()).isEqualTo(8 * 18 / 2);
    }
}
