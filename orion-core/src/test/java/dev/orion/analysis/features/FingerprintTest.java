package dev.orion.analysis.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private final PartialRdfFingerprinter fp = PartialRdfFingerprinter.standard();
    private final Structure nacl = TestStructures.rockSalt(Element.Na, Element.Cl, 5.64);

    @Test
    void identicalStructuresAreAtDistanceZero() {
        PartialRdfFingerprint a = fp.fingerprint(nacl);
        PartialRdfFingerprint b = fp.fingerprint(TestStructures.rockSalt(Element.Na, Element.Cl, 5.64));
        assertThat(a.cosineDistance(b)).isZero();
        assertThat(a.euclideanDistance(b)).isZero();
        assertThat(a.elementPairs()).containsExactly("Na-Na", "Na-Cl", "Cl-Cl");
    }

    @Test
    void supercellsShiftedAndPermutedCopiesAreAtDistanceAboutZero() {
        PartialRdfFingerprint a = fp.fingerprint(nacl);
        Structure big = nacl.supercell(new int[][] {{1, 1, 0}, {0, 2, 0}, {0, 0, 3}});
        assertThat(a.cosineDistance(fp.fingerprint(big))).isLessThan(1e-12);
        assertThat(a.euclideanDistance(fp.fingerprint(big))).isLessThan(1e-9);
        Structure moved = nacl.translated(new double[] {0.123, -0.4, 0.77}).sorted();
        assertThat(a.cosineDistance(fp.fingerprint(moved))).isLessThan(1e-12);
        // the primitive fcc cell of rock salt
        Structure primitive = Structure.builder()
                .lattice(Lattice.of(new double[][] {{0, 2.82, 2.82}, {2.82, 0, 2.82}, {2.82, 2.82, 0}}))
                .addSite(Element.Na, 0, 0, 0).addSite(Element.Cl, 0.5, 0.5, 0.5).build();
        assertThat(a.cosineDistance(fp.fingerprint(primitive))).isLessThan(1e-12);
    }

    @Test
    void differentStructuresAreApart() {
        PartialRdfFingerprint rockSalt = fp.fingerprint(nacl);
        PartialRdfFingerprint cesiumChloride = fp.fingerprint(TestStructures.cesiumChloride(Element.Na, Element.Cl, 3.37));
        PartialRdfFingerprint kcl = fp.fingerprint(TestStructures.rockSalt(Element.K, Element.Cl, 6.29));
        PartialRdfFingerprint strained = fp.fingerprint(TestStructures.rockSalt(Element.Na, Element.Cl, 5.66));
        double toCsCl = rockSalt.cosineDistance(cesiumChloride);
        assertThat(toCsCl).isGreaterThan(0.05).isLessThanOrEqualTo(1);
        assertThat(rockSalt.cosineDistance(kcl)).isGreaterThan(0.2);
        assertThat(rockSalt.cosineDistance(strained)).isGreaterThan(0).isLessThan(toCsCl);
        assertThat(rockSalt.euclideanDistance(cesiumChloride)).isGreaterThan(rockSalt.euclideanDistance(strained));
        assertThat(rockSalt.distance(cesiumChloride, FingerprintMetric.COSINE)).isEqualTo(toCsCl);
        // symmetric
        assertThat(cesiumChloride.cosineDistance(rockSalt)).isCloseTo(toCsCl, within(1e-15));
    }

    @Test
    void partialRdfIsNormalisedToTheNeighbourCount() {
        PartialRdfFingerprinter plain = PartialRdfFingerprinter.builder().cutoff(3.0).binWidth(0.05).smearing(0).build();
        double[] g = plain.fingerprint(nacl).partialRdf(Element.Cl, Element.Na).orElseThrow();
        // rho_Cl * integral of g over the shells up to 3 Å = 6 Cl around each Na
        double rhoCl = 4 / nacl.volume();
        double count = 0;
        for (int k = 0; k < g.length; k++) {
            double lo = k * 0.05;
            double hi = lo + 0.05;
            count += g[k] * rhoCl * 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
        }
        assertThat(count).isCloseTo(6.0, within(1e-9));
        assertThat(plain.fingerprint(nacl).partialRdf(Element.K, Element.Na)).isEmpty();
    }

    @Test
    void settingsMustMatch() {
        PartialRdfFingerprinter other = PartialRdfFingerprinter.builder().cutoff(5).build();
        assertThatThrownBy(() -> fp.fingerprint(nacl).cosineDistance(other.fingerprint(nacl)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different settings");
        assertThatThrownBy(() -> PartialRdfFingerprinter.builder().smearing(-0.1)).hasMessageContaining("-0.1");
        assertThat(PartialRdfFingerprinter.normalCdf(0)).isCloseTo(0.5, within(1e-9));
        assertThat(PartialRdfFingerprinter.normalCdf(1.959964)).isCloseTo(0.975, within(2e-7));
    }
}
