package dev.orion.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.StructureParseException;
import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.testdata.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PymatgenJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode recordedStructure(String file) throws Exception {
        return JSON.readTree(Files.readString(TestData.materialsProject().resolve(file))).get("data").get(0).get("structure");
    }

    @Test
    void readsTheStructureOfARecordedSummaryDocument() throws Exception {
        Structure si = PymatgenJson.structureFromDict(recordedStructure("summary-mp-149.json"));

        assertThat(si.size()).isEqualTo(2);
        assertThat(si.lattice().a()).isCloseTo(3.86697462, within(1e-8));
        assertThat(si.lattice().alpha()).isCloseTo(60.0, within(1e-9));
        assertThat(si.lattice().volume()).isCloseTo(40.888, within(1e-3));
        assertThat(si.site(0).frac()).containsExactly(0.875, 0.875, 0.875);
        assertThat(si.site(1).species()).containsOnlyKeys(Species.of(Element.Si));
        assertThat(si.site(0).label()).isEqualTo("Si");
        assertThat(si.site(0).properties()).containsEntry("magmom", -0.0);
        assertThat(si.composition().reducedFormula()).isEqualTo("Si");
    }

    @Test
    void cartesianCoordinatesAreUsedWhenAbcIsMissingAndOxidationStatesAreKept() {
        Structure s = PymatgenJson.structureFromJson("""
                {"@module": "pymatgen.core.structure", "@class": "Structure", "charge": -1,
                 "lattice": {"matrix": [[4, 0, 0], [0, 4, 0], [0, 0, 8]]},
                 "properties": {"source": "test", "nothing": null},
                 "sites": [{"species": [{"element": "Fe", "oxidation_state": 2, "occu": 0.5},
                                        {"element": "Mn", "oxidation_state": 3, "occu": 0.5}], "xyz": [1, 2, 4]}]}
                """);

        assertThat(s.site(0).frac()).containsExactly(0.25, 0.5, 0.5);
        assertThat(s.site(0).species()).containsEntry(Species.of(Element.Fe, 2), 0.5).containsEntry(Species.of(Element.Mn, 3), 0.5);
        assertThat(s.properties()).containsEntry("charge", -1.0).containsEntry("source", "test").doesNotContainKey("nothing");
    }

    @Test
    void malformedDictsAreTypedErrorsNamingTheField() {
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("{\"lattice\": {\"matrix\": [[1,0,0],[0,1,0]]}, \"sites\": []}"))
                .isInstanceOf(StructureParseException.class).hasMessageContaining("lattice.matrix");
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("""
                {"lattice": {"matrix": [[1,0,0],[0,1,0],[0,0,1]]}, "sites": [{"species": [{"element": "Xx", "occu": 1}], "abc": [0,0,0]}]}
                """)).isInstanceOf(StructureParseException.class).hasMessageContaining("sites[0].species").hasMessageContaining("Xx");
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("""
                {"lattice": {"matrix": [[1,0,0],[0,1,0],[0,0,1]]}, "sites": [{"species": [{"element": "Si", "occu": 1}]}]}
                """)).isInstanceOf(StructureParseException.class).hasMessageContaining("neither abc nor xyz");
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("""
                {"lattice": {"matrix": [[1,0,0],[0,1,0],[0,0,1]]}, "sites": [{"species": [{"element": "Si", "occu": 1.5}], "abc": [0,0,0]}]}
                """)).isInstanceOf(StructureParseException.class).hasMessageContaining("occupancy");
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("{\"lattice\": \n [1,"))
                .isInstanceOf(StructureParseException.class)
                .satisfies(e -> assertThat(((StructureParseException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> PymatgenJson.structureFromJson("[]"))
                .isInstanceOf(StructureParseException.class).hasMessageContaining("expected a structure object");
    }
}
