package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;
import dev.orion.symmetry.SymmetryDataset;
import dev.orion.symmetry.SymmetryException;
import dev.orion.symmetry.SymmetryOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymmetryDatasetTest {

    private static Structure rockSalt() {
        var b = Structure.builder().lattice(Lattice.cubic(5.64));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] f : fcc) {
            b.addSite(Element.of("Na"), f[0], f[1], f[2]);
        }
        for (double[] f : fcc) {
            b.addSite(Element.of("Cl"), f[0] + 0.5, f[1], f[2]);
        }
        return b.build();
    }

    private static Structure siliconPrimitive() {
        double a = 5.43;
        Lattice l = Lattice.of(new double[][] {{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}});
        return Structure.builder().lattice(l)
                .addSite(Element.of("Si"), 0, 0, 0)
                .addSite(Element.of("Si"), 0.25, 0.25, 0.25).build();
    }

    @Test
    void rockSaltIsFm3mWithAllItsParts() {
        SymmetryDataset d = Symmetry.of(rockSalt());
        assertThat(d.spaceGroupNumber()).isEqualTo(225);
        assertThat(d.spaceGroupSymbol()).isEqualTo("Fm-3m");
        assertThat(d.hallSymbol()).isEqualTo("-F 4 2 3");
        assertThat(d.pointGroup()).isEqualTo("m-3m");
        assertThat(d.crystalSystem()).isEqualTo(CrystalSystem.CUBIC);
        assertThat(d.operations()).hasSize(192);
        assertThat(d.operations().get(0).isIdentity()).isTrue();
        assertThat(d.equivalentAtoms()).containsExactly(0, 0, 0, 0, 4, 4, 4, 4);
        assertThat(d.primitive().size()).isEqualTo(2);
        assertThat(d.primitive().volume()).isCloseTo(5.64 * 5.64 * 5.64 / 4, within(1e-9));
        assertThat(d.conventional().size()).isEqualTo(8);
        assertThat(d.conventional().lattice().a()).isCloseTo(5.64, within(1e-9));
        assertThat(d.refined()).isEqualTo(d.conventional());
        assertThat(d.wyckoffLetters()).containsExactly("a", "a", "a", "a", "b", "b", "b", "b");
        assertThat(d.siteSymmetrySymbols()).containsOnly("m-3m");
    }

    @Test
    void wyckoffPositionsOfKnownStructures() {
        SymmetryDataset si = Symmetry.of(siliconPrimitive());
        assertThat(si.wyckoffLetters()).containsExactly("a", "a");
        assertThat(si.siteSymmetrySymbols()).containsExactly("-43m", "-43m");
        // wurtzite ZnO: both atoms on 2b (3m.) of P6_3mc
        Structure zno = Structure.builder().lattice(Lattice.hexagonal(3.25, 5.21))
                .addSite(Element.of("Zn"), 1.0 / 3, 2.0 / 3, 0).addSite(Element.of("Zn"), 2.0 / 3, 1.0 / 3, 0.5)
                .addSite(Element.of("O"), 1.0 / 3, 2.0 / 3, 0.382).addSite(Element.of("O"), 2.0 / 3, 1.0 / 3, 0.882).build();
        SymmetryDataset w = Symmetry.of(zno);
        assertThat(w.spaceGroupSymbol()).isEqualTo("P6_3mc");
        assertThat(w.wyckoffLetters()).containsOnly("b");
        assertThat(w.siteSymmetrySymbols()).containsOnly("3m.");
        // a general position of P2_1/c is 4e
        SymmetryDataset general = Symmetry.of(GeneratedCrystals.of(14, new java.util.Random(9)));
        assertThat(general.wyckoffLetters()).containsOnly("e");
        assertThat(general.siteSymmetrySymbols()).containsOnly("1");
    }

    @Test
    void primitiveSiliconGivesTheCubicConventionalCell() {
        SymmetryDataset d = Symmetry.of(siliconPrimitive());
        assertThat(d.spaceGroupNumber()).isEqualTo(227);
        assertThat(d.spaceGroupSymbol()).isEqualTo("Fd-3m");
        assertThat(d.operations()).hasSize(48);
        Structure conv = d.conventional();
        assertThat(conv.size()).isEqualTo(8);
        assertThat(conv.lattice().a()).isCloseTo(5.43, within(1e-9));
        assertThat(conv.lattice().alpha()).isCloseTo(90, within(1e-9));
        assertThat(Symmetry.of(conv).spaceGroupNumber()).isEqualTo(227);
        assertThat(Symmetry.of(d.primitive()).spaceGroupNumber()).isEqualTo(227);
    }

    @Test
    void operationsMapTheStructureOntoItself() {
        Structure s = GeneratedCrystals.of(62, new java.util.Random(7));
        SymmetryDataset d = Symmetry.of(s);
        for (SymmetryOperation op : d.operations()) {
            for (int i = 0; i < s.size(); i++) {
                double[] y = op.apply(s.frac(i));
                boolean found = false;
                for (int j = 0; j < s.size() && !found; j++) {
                    found = s.speciesAt(j).equals(s.speciesAt(i))
                            && s.lattice().minimumImageDistance(y, s.frac(j)) < 1e-6;
                }
                assertThat(found).as("%s maps site %d onto a site", op, i).isTrue();
            }
        }
    }

    @Test
    void transformationTakesSitesOntoTheConventionalCell() {
        for (int number : new int[] {12, 63, 139, 166, 227}) {
            Structure s = GeneratedCrystals.otherCell(
                    GeneratedCrystals.shifted(GeneratedCrystals.of(number, new java.util.Random(number)), new java.util.Random(1)),
                    new java.util.Random(2));
            SymmetryDataset d = Symmetry.of(s);
            Structure conv = d.conventional();
            assertThat(conv.size() * s.volume()).isCloseTo(s.size() * conv.volume(), within(1e-6 * conv.volume()));
            for (int i = 0; i < s.size(); i++) {
                double[] x = d.transformation().apply(s.frac(i));
                double best = Double.MAX_VALUE;
                for (int j = 0; j < conv.size(); j++) {
                    if (conv.speciesAt(j).equals(s.speciesAt(i))) {
                        best = Math.min(best, conv.lattice().minimumImageDistance(x, conv.frac(j)));
                    }
                }
                assertThat(best).as("type %d site %d", number, i).isLessThan(1e-6);
            }
        }
    }

    @Test
    void disorderedSitesTakePartByTheirSignature() {
        Site mixed = Site.builder().species(Map.of(dev.orion.structure.Species.of(Element.of("Fe")), 0.5,
                dev.orion.structure.Species.of(Element.of("Co")), 0.5)).frac(0, 0, 0).build();
        Site mixedCentre = mixed.toBuilder().frac(0.5, 0.5, 0.5).build();
        Site other = Site.builder().species(Map.of(dev.orion.structure.Species.of(Element.of("Fe")), 0.6,
                dev.orion.structure.Species.of(Element.of("Co")), 0.4)).frac(0.5, 0.5, 0.5).build();
        Structure same = Structure.builder().lattice(Lattice.cubic(2.9)).addSites(mixed, mixedCentre).build();
        Structure different = Structure.builder().lattice(Lattice.cubic(2.9)).addSites(mixed, other).build();
        assertThat(Symmetry.of(same).spaceGroupSymbol()).isEqualTo("Im-3m");
        assertThat(Symmetry.of(different).spaceGroupSymbol()).isEqualTo("Pm-3m");
        assertThat(Symmetry.of(same).conventional().speciesAt(0)).isEqualTo(mixed.species());
    }

    @Test
    void toleranceDecidesBetweenAGroupAndItsSubgroup() {
        Structure s = GeneratedCrystals.displaced(rockSalt(), 0.002, new java.util.Random(3));
        assertThat(Symmetry.of(s, 1e-5).spaceGroupNumber()).isEqualTo(1);
        assertThat(Symmetry.of(s, 0.01).spaceGroupNumber()).isEqualTo(225);
        assertThat(Symmetry.of(s, 0.01, 5).spaceGroupNumber()).isEqualTo(225);
    }

    @Test
    void overlappingSitesAndBadArgumentsAreRejected() {
        Structure twice = Structure.builder().lattice(Lattice.cubic(3))
                .addSite(Element.of("Cu"), 0, 0, 0).addSite(Element.of("Cu"), 1e-7, 0, 0).build();
        assertThatThrownBy(() -> Symmetry.of(twice)).isInstanceOf(SymmetryException.class)
                .hasMessageContaining("sites 0 and 1");
        assertThatThrownBy(() -> Symmetry.of(rockSalt(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symprec");
        assertThatThrownBy(() -> Symmetry.of(Structure.builder().lattice(Lattice.cubic(3)).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDegenerateCellGivesATypedError() {
        Structure flat = Structure.builder()
                .lattice(Lattice.of(new double[][] {{5, 0, 0}, {0.3, 5, 0}, {0.1, 0.2, 1e-7}}))
                .addSite(Element.of("Cu"), 0, 0, 0).addSite(Element.of("O"), 0.3, 0.1, 0.5).build();
        assertThatThrownBy(() -> Symmetry.of(flat)).isInstanceOf(SymmetryException.class)
                .hasMessageContaining("space-group search failed");
    }

    @Test
    void datasetListsAreUnmodifiable() {
        SymmetryDataset d = Symmetry.of(rockSalt());
        List<Integer> eq = d.equivalentAtoms();
        assertThatThrownBy(() -> eq.set(0, 3)).isInstanceOf(UnsupportedOperationException.class);
        double[][] m = d.transformation().matrix();
        m[0][0] = 42;
        assertThat(d.transformation().matrix()[0][0]).isNotEqualTo(42);
    }
}
