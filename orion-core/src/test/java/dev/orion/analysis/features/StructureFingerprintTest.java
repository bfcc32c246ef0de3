package dev.orion.analysis.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.VectorMetric;
import dev.orion.store.internal.VectorSearch;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.List;
import org.junit.jupiter.api.Test;

public class StructureFingerprintTest {

    public static Structure rockSalt(Element a, Element b, double lattice) {
        dev.orion.structure.StructureBuilder s = Structure.builder().lattice(Lattice.cubic(lattice));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] p : fcc) {
            s.addSite(a, p[0], p[1], p[2]);
            s.addSite(b, p[0] + 0.5, p[1], p[2]);
        }
        return s.build();
    }

    public static Structure zincBlende(Element a, Element b, double lattice) {
        dev.orion.structure.StructureBuilder s = Structure.builder().lattice(Lattice.cubic(lattice));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] p : fcc) {
            s.addSite(a, p[0], p[1], p[2]);
            s.addSite(b, p[0] + 0.25, p[1] + 0.25, p[2] + 0.25);
        }
        return s.build();
    }

    public static Structure cesiumChloride(Element a, Element b, double lattice) {
        return Structure.builder().lattice(Lattice.cubic(lattice)).addSite(a, 0, 0, 0).addSite(b, 0.5, 0.5, 0.5).build();
    }

    public static Structure fcc(Element a, double lattice) {
        return Structure.builder().lattice(Lattice.cubic(lattice)).addSite(a, 0, 0, 0).addSite(a, 0, 0.5, 0.5)
                .addSite(a, 0.5, 0, 0.5).addSite(a, 0.5, 0.5, 0).build();
    }

    static Structure simpleCubic(Element a, double lattice) {
        return Structure.builder().lattice(Lattice.cubic(lattice)).addSite(a, 0, 0, 0).build();
    }

    static double cosine(StructureFingerprint fp, Structure x, Structure y) {
        return VectorSearch.distance(fp.vector(x), fp.vector(y), VectorMetric.COSINE);
    }

    @Test
    void prototypeMatchesEveryRockSaltWhateverTheElementsAndSeparatesOtherTypes() {
        StructureFingerprint fp = StructureFingerprint.prototype();
        Structure nacl = rockSalt(Element.Na, Element.Cl, 5.64);
        assertThat(fp.vector(nacl)).hasSize(fp.dimension());
        assertThat(cosine(fp, nacl, rockSalt(Element.Mg, Element.O, 4.21))).isLessThan(1e-6);
        assertThat(cosine(fp, nacl, rockSalt(Element.K, Element.Br, 6.60))).isLessThan(1e-6);
        assertThat(cosine(fp, nacl, nacl.supercell(2, 1, 2))).as("a supercell is the same structure").isLessThan(1e-6);
        for (Structure other : List.of(zincBlende(Element.Zn, Element.S, 5.41), cesiumChloride(Element.Cs, Element.Cl, 4.12),
                fcc(Element.Cu, 3.61), simpleCubic(Element.Po, 3.35))) {
            assertThat(cosine(fp, nacl, other)).as("rock salt vs %s", other.composition().reducedFormula()).isGreaterThan(0.05);
        }
        // simple cubic Po has the rock-salt arrangement of sites; only the chemical order tells them apart
        assertThat(cosine(fp, nacl, simpleCubic(Element.Po, 3.35))).isLessThan(cosine(fp, nacl, fcc(Element.Cu, 3.61)));
    }

    @Test
    void elementSpecificPrefersTheSameElements() {
        StructureFingerprint fp = StructureFingerprint.elementSpecific();
        Structure nacl = rockSalt(Element.Na, Element.Cl, 5.64);
        double kcl = cosine(fp, nacl, rockSalt(Element.K, Element.Cl, 6.29));
        double mgo = cosine(fp, nacl, rockSalt(Element.Mg, Element.O, 4.21));
        double zincBlendeNaCl = cosine(fp, nacl, zincBlende(Element.Na, Element.Cl, 6.0));
        assertThat(cosine(fp, nacl, rockSalt(Element.Na, Element.Cl, 5.70))).isLessThan(1e-6);
        assertThat(kcl).isLessThan(mgo);
        assertThat(zincBlendeNaCl).isGreaterThan(0.01).isLessThan(mgo);
        assertThat(fp.vector(nacl)).hasSize(fp.dimension());
    }

    @Test
    void coincidingSitesAreRefused() {
        Structure broken = Structure.builder().lattice(Lattice.cubic(4)).addSite(Element.Na, 0, 0, 0).addSite(Element.Cl, 0, 0, 0).build();
        assertThatThrownBy(() -> StructureFingerprint.prototype().vector(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apart");
    }
}
