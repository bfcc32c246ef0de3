package dev.orion.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.check.Grade;
import dev.orion.check.Verdict;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecksTest {

    record Ranking(List<String> candidateIds, String rationale) { }

    @Test
    void compositionRulesAllowlistChargeNeutralityAndFractions() {
        CompositionCheck ionic = CompositionCheck.builder()
                .allow(Set.of(Element.of("Li"), Element.of("O"), Element.of("Fe"), Element.of("P"))).chargeNeutral().build();
        assertThat(ionic.check(Composition.parse("Li2O")).grade()).isEqualTo(Grade.PASS);
        assertThat(ionic.check(Composition.parse("LiFePO4")).grade()).isEqualTo(Grade.PASS);
        assertThat(ionic.check(Composition.parse("Fe3O4")).grade()).isEqualTo(Grade.FAIL); // mixed valence: one state per element
        Verdict lio = ionic.check(Composition.parse("LiO"));
        assertThat(lio.grade()).isEqualTo(Grade.FAIL);
        assertThat(lio.reasons()).singleElement().asString().contains("charge neutral");
        Verdict na = ionic.check(Composition.parse("NaCl"));
        assertThat(na.reasons()).anySatisfy(r -> assertThat(r).contains("allowlist").contains("Cl").contains("Na"));
        CompositionCheck fractions = CompositionCheck.builder().fractions().build();
        assertThat(fractions.check(Composition.parse("Cu0.25Ni0.75")).grade()).isEqualTo(Grade.PASS);
        assertThat(fractions.check(Composition.parse("Cu0.25Ni0.7")).reasons()).singleElement().asString().contains("0.950000");
    }

    @Test
    void structureSanityCatchesOverlappingAtomsAndImpossibleDensity() {
        Structure copper = Structure.builder().lattice(Lattice.cubic(3.61)).addSite(Element.of("Cu"), 0, 0, 0)
                .addSite(Element.of("Cu"), 0.5, 0.5, 0).addSite(Element.of("Cu"), 0.5, 0, 0.5).addSite(Element.of("Cu"), 0, 0.5, 0.5)
                .build();
        assertThat(StructureCheck.defaults().check(copper).grade()).isEqualTo(Grade.PASS);
        Structure squeezed = Structure.builder().lattice(Lattice.cubic(3.61)).addSite(Element.of("Cu"), 0, 0, 0)
                .addSite(Element.of("Cu"), 0.1, 0, 0).build();
        assertThat(StructureCheck.builder().minDistance(1.5).build().check(squeezed).reasons())
                .singleElement().asString().contains("0.361 Å");
        Structure crushed = Structure.builder().lattice(Lattice.cubic(1.2)).addSite(Element.of("Cu"), 0, 0, 0).build();
        assertThat(StructureCheck.defaults().check(crushed).reasons()).anySatisfy(r -> assertThat(r).contains("density"));
    }

    @Test
    void resultSanityNeedsConvergenceAndAPlausibleEnergy() {
        CalculationResult ok = CalculationResult.builder("orion-eam", -3.54 * 4, 4).build();
        assertThat(ResultCheck.builder().build().check(ok).grade()).isEqualTo(Grade.PASS);
        CalculationResult wild = ok.toBuilder().convergence(new Convergence(false, 200, "max steps")).build();
        assertThat(ResultCheck.builder().build().check(wild).reasons()).singleElement().asString().contains("did not converge");
        CalculationResult exploded = CalculationResult.builder("orion-eam", 4 * 80.0, 4).build();
        assertThat(ResultCheck.builder().energyPerAtom(-10, 0).build().check(exploded).reasons())
                .singleElement().asString().contains("80.0000");
    }

    @Test
    void jsonAgainstItsSchema() {
        JsonSchemaCheck check = JsonSchemaCheck.of(Ranking.class);
        assertThat(check.check("{\"candidateIds\":[\"a\",\"b\"],\"rationale\":\"lower energy\"}").grade()).isEqualTo(Grade.PASS);
        Verdict bad = check.check("{\"candidateIds\":[\"a\",3],\"why\":\"x\"}");
        assertThat(bad.reasons()).containsExactlyInAnyOrder("$ lacks required property 'rationale'", "$.candidateIds[1] must be"
                + " string, got number 3", "$.why is not allowed here");
        assertThat(check.check("here is my ranking").reasons()).singleElement().asString().startsWith("not JSON");
    }
}
