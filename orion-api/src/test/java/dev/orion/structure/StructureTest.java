package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StructureTest {

    static Structure copperFcc() {
        return Structure.builder()
                .lattice(Lattice.cubic(3.61))
                .addSite(Element.Cu, 0, 0, 0)
                .addSite(Element.Cu, 0.5, 0.5, 0)
                .addSite(Element.Cu, 0.5, 0, 0.5)
                .addSite(Element.Cu, 0, 0.5, 0.5)
                .property("title", "Cu fcc")
                .build();
    }

    static Structure rockSalt() {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(5.64));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            b.addSite(Species.parse("Cl-"), p[0] + 0.5, p[1], p[2]);
            b.addSite(Species.parse("Na+"), p[0], p[1], p[2]);
        }
        return b.build();
    }

    @Test
    void builderCompositionAndDensity() {
        Structure cu = copperFcc();
        assertThat(cu.size()).isEqualTo(4);
        assertThat(cu.composition()).isEqualTo(Composition.parse("Cu4"));
        assertThat(cu.formula()).isEqualTo("Cu4");
        assertThat(cu.density()).isCloseTo(8.96, within(0.05));
        assertThat(cu.volume()).isCloseTo(3.61 * 3.61 * 3.61, within(1e-9));
        assertThat(cu.isOrdered()).isTrue();
        assertThat(cu.properties()).containsEntry("title", "Cu fcc");
        assertThat(cu.site(1).specie()).isEqualTo(Species.of(Element.Cu));
        assertThat(cu.frac(1)).containsExactly(0.5, 0.5, 0);
        assertThat(cu.fracY(3)).isEqualTo(0.5);
        assertThat(cu.cartesian(1)).containsExactly(1.805, 1.805, 0);
        assertThat(cu.cartesianCoords()).hasSize(12);
        assertThat(cu.sites()).hasSize(4).allMatch(Site::isOrdered);
        assertThat(cu.distance(0, 1)).isCloseTo(3.61 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void sitesCarryLabelsPropertiesAndDisorder() {
        Site mixed = Site.builder().species(Species.parse("Fe2+"), 0.5).species(Species.parse("Ni2+"), 0.25)
                .frac(0.25, 0.25, 0.25).label("M1").property("magmom", 2.5)
                .property("selective_dynamics", List.of(true, false, true)).build();
        Structure s = Structure.builder().lattice(Lattice.cubic(4))
                .addSite(Element.O, 0, 0, 0)
                .addSite(mixed)
                .addSite(Site.builder().species(Element.O, 1).frac(0.5, 0.5, 0.5).property("charge", -2).build())
                .build();
        assertThat(s.isOrdered()).isFalse();
        assertThat(s.site(1)).isEqualTo(mixed);
        assertThat(s.site(1).totalOccupancy()).isEqualTo(0.75);
        assertThat(s.label(0)).isEmpty();
        assertThat(s.label(1)).isEqualTo("M1");
        assertThat(s.site(0).properties()).isEmpty();
        assertThat(s.site(2).properties()).containsEntry("charge", -2L);
        assertThat(s.site(1).properties().get("selective_dynamics")).isEqualTo(List.of(true, false, true));
        assertThat(s.composition().amount(Element.Fe)).isEqualTo(0.5);
        assertThat(s.composition().amount(Element.O)).isEqualTo(2.0);
        assertThatThrownBy(() -> s.site(1).specie()).isInstanceOf(IllegalStateException.class);
        assertThat(s.newBuilder().build()).isEqualTo(s);
        assertThat(s.indicesOf(Element.Ni)).containsExactly(1);
        assertThat(s.indicesOf(Element.O)).containsExactly(0, 2);
    }

    @Test
    void newBuilderCopiesColumnsAndCanExtend() {
        Structure nacl = rockSalt();
        Structure more = nacl.newBuilder()
                .addSite(Species.parse("Na+"), 0.25, 0.25, 0.25)
                .addSite(Element.Cu, 0.75, 0.75, 0.75)
                .label(0, "Cl1")
                .siteProperty(9, "magmom", 1.0)
                .property("title", "extended")
                .build();
        assertThat(nacl.newBuilder().build()).isEqualTo(nacl);
        assertThat(more.size()).isEqualTo(10);
        assertThat(more.kindTable).hasSize(3);
        assertThat(more.label(0)).isEqualTo("Cl1");
        assertThat(more.label(1)).isEmpty();
        assertThat(more.siteProperties(9)).containsEntry("magmom", 1.0);
        assertThat(more.siteProperties(8)).isEmpty();
        assertThat(more.properties()).containsEntry("title", "extended");
        assertThat(nacl.properties()).isEmpty();
        assertThat(more.formula()).isEqualTo("Na5 Cu1 Cl4");
    }

    @Test
    void cartesianSitesAreConvertedWithTheLattice() {
        Lattice hex = Lattice.hexagonal(3, 5);
        Structure s = Structure.builder().lattice(hex)
                .addSiteCartesian(Species.of(Element.Mg), hex.toCartesian(new double[] {1.0 / 3, 2.0 / 3, 0.25})[0],
                        hex.toCartesian(new double[] {1.0 / 3, 2.0 / 3, 0.25})[1], 1.25)
                .build();
        assertThat(s.fracX(0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.fracY(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.fracZ(0)).isCloseTo(0.25, within(1e-12));
        assertThatThrownBy(() -> Structure.builder().addSiteCartesian(Species.of(Element.Mg), 0, 0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lattice");
    }

    @Test
    void negativeZeroIsStoredAsZero() {
        Site site = Site.of(Element.Fe, -0.0, 0.5, 0);
        Structure s = Structure.builder().lattice(Lattice.cubic(2)).addSite(site).build();
        assertThat(s.site(0)).isEqualTo(site).isEqualTo(Site.of(Element.Fe, 0.0, 0.5, 0));
        assertThat(Structure.builder().lattice(Lattice.cubic(2)).addSite(Element.Fe, -0.0, 0.5, 0).build())
                .isEqualTo(s);
    }

    @Test
    void siteValidation() {
        assertThatThrownBy(() -> Site.builder().frac(0, 0, 0).build()).hasMessageContaining("at least one species");
        assertThatThrownBy(() -> Site.builder().species(Element.Fe, 1.5).build()).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Site.builder().species(Element.Fe, 0.6).species(Element.Ni, 0.6).build())
                .hasMessageContaining("total occupancy");
        assertThatThrownBy(() -> Site.of(Element.Fe, Double.NaN, 0, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Site.builder().species(Element.Fe, 1).property("x", new Object()).build())
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Structure.builder().addSite(Element.Fe, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Structure.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lattice");
    }

    @Test
    void diagonalSupercell() {
        Structure nacl = rockSalt();
        Structure big = nacl.supercell(2, 3, 1);
        assertThat(big.size()).isEqualTo(48);
        assertThat(big.formula()).isEqualTo("Na24 Cl24");
        assertThat(big.lattice().b()).isCloseTo(3 * 5.64, within(1e-12));
        assertThat(big.density()).isCloseTo(nacl.density(), within(1e-12));
        assertThat(java.util.Arrays.stream(big.fracCoords()).allMatch(x -> x >= 0 && x < 1)).isTrue();
        assertNoOverlaps(big);
    }

    @Test
    void generalMatrixSupercell() {
        Structure cu = copperFcc();
        Structure rotated = cu.supercell(new int[][] {{1, 1, 0}, {-1, 1, 0}, {0, 0, 1}});
        assertThat(rotated.size()).isEqualTo(8);
        assertThat(rotated.volume()).isCloseTo(2 * cu.volume(), within(1e-9));
        assertThat(rotated.density()).isCloseTo(cu.density(), within(1e-12));
        assertNoOverlaps(rotated);
        Random rnd = new Random(5);
        for (int n = 0; n < 30; n++) {
            int[][] m = new int[3][3];
            long det;
            do {
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        m[r][c] = rnd.nextInt(5) - 2;
                    }
                }
                det = (long) m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                        - (long) m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                        + (long) m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
            } while (det <= 0 || det > 12);
            Structure s = rockSalt().supercell(m);
            assertThat(s.size()).isEqualTo(8 * det);
            assertThat(s.density()).isCloseTo(rockSalt().density(), within(1e-9));
            assertThat(s.composition().reducedFormula()).isEqualTo("NaCl");
            assertNoOverlaps(s);
        }
        assertThatThrownBy(() -> cu.supercell(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, -1}}))
                .hasMessageContaining("positive determinant");
        assertThatThrownBy(() -> cu.supercell(0, 1, 1)).hasMessageContaining("determinant");
    }

    @Test
    void supercellCarriesLabelsPropertiesAndDisorder() {
        Structure s = Structure.builder().lattice(Lattice.cubic(3))
                .addSite(Site.builder().species(Element.Fe, 0.5).species(Element.Ni, 0.5).frac(0.25, 0.5, 0.75)
                        .label("M").property("magmom", List.of(0.0, 0.0, 1.5)).build())
                .addSite(Element.O, 0.75, 0.5, 0.25)
                .property("title", "t")
                .build();
        Structure big = s.supercell(new int[][] {{2, 0, 0}, {0, 1, 1}, {0, -1, 1}});
        assertThat(big.size()).isEqualTo(8);
        assertThat(big.properties()).containsEntry("title", "t");
        for (int i = 0; i < 4; i++) {
            assertThat(big.label(i)).isEqualTo("M");
            assertThat(big.siteProperties(i)).containsEntry("magmom", List.of(0.0, 0.0, 1.5));
            assertThat(big.speciesAt(i)).isEqualTo(s.speciesAt(0));
            assertThat(big.label(4 + i)).isEmpty();
            assertThat(big.siteProperties(4 + i)).isEmpty();
        }
        assertThat(big.composition()).isEqualTo(s.composition().times(4));
    }

    private static void assertNoOverlaps(Structure s) {
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                assertThat(s.distance(i, j)).as("sites %d and %d", i, j).isGreaterThan(1.0);
            }
        }
    }

    @Test
    void sortedByElectronegativityIsStable() {
        Structure s = rockSalt().sorted();
        assertThat(s.sites()).extracting(site -> site.specie().symbol())
                .containsExactly("Na", "Na", "Na", "Na", "Cl", "Cl", "Cl", "Cl");
        assertThat(s.frac(0)).containsExactly(0, 0, 0);
        assertThat(s.frac(1)).containsExactly(0.5, 0.5, 0);
        assertThat(s.frac(4)).containsExactly(0.5, 0, 0);
        Structure byZ = rockSalt().sorted(Comparator.comparing(site -> -site.specie().element().z()));
        assertThat(byZ.site(0).specie().symbol()).isEqualTo("Cl");
        assertThat(byZ.frac(0)).containsExactly(0.5, 0, 0);
    }

    @Test
    void equalityAndAlmostEquality() {
        Structure a = rockSalt();
        assertThat(a).isEqualTo(rockSalt()).hasSameHashCodeAs(rockSalt());
        Structure shifted = a.translated(new double[] {1e-9, 0, 1});
        assertThat(shifted).isNotEqualTo(a);
        assertThat(shifted.almostEquals(a, 1e-6)).isTrue();
        assertThat(shifted.wrapped().fracZ(0)).isCloseTo(0.0, within(1e-15));
        assertThat(a.translated(new double[] {0.01, 0, 0}).almostEquals(a, 1e-6)).isFalse();
        assertThat(a.withLattice(Lattice.cubic(5.65)).almostEquals(a, 1e-6)).isFalse();
        assertThat(a.withLattice(Lattice.cubic(5.65)).fracCoords()).containsExactly(a.fracCoords());
        assertThat(a.almostEquals(a.sorted(), 1e-6)).isFalse();
    }

    @Test
    void toStringIsReadable() {
        String text = rockSalt().supercell(3, 1, 1).toString();
        assertThat(text).contains("Na12 Cl12").contains("Reduced Formula: NaCl").contains("abc")
                .contains("5.640000").contains("volume").contains("Cl-").contains("... (4 more)");
        assertThat(copperFcc().toString()).contains("Title: Cu fcc").doesNotContain("more");
    }

    @Test
    void largeStructuresUseTheColumnLayout() {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(100));
        Random rnd = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            b.addSite(i % 2 == 0 ? Element.Si : Element.O, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
        }
        Structure s = b.build();
        assertThat(s.kindTable).hasSize(2);
        assertThat(s.labels).isNull();
        assertThat(s.siteProperties).isEmpty();
        assertThat(s.frac).hasSize(300_000);
        assertThat(s.composition()).isEqualTo(Composition.of(Map.of(Element.Si, 50_000.0, Element.O, 50_000.0)));
    }
}
