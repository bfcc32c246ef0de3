package dev.orion.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.StructureParseException;
import dev.orion.structure.Atom;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Molecule;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructureJsonTest {

    static Structure disorderedSpinel() {
        return Structure.builder()
                .lattice(Lattice.fromParameters(8.1, 8.2, 8.3, 89.5, 90.25, 91.0 / 3))
                .addSite(Site.builder().species(Species.parse("Fe2+"), 0.5).species(Species.parse("Ni2.5+"), 0.3)
                        .frac(0.125, 0.125, 0.125).label("M1")
                        .property("magmom", 2.5)
                        .property("selective_dynamics", List.of(true, false, true))
                        .property("count", 3)
                        .property("meta", Map.of("note", "tetrahedral", "weights", List.of(0.1, 1e-300)))
                        .build())
                .addSite(Species.parse("O2-"), 0.1 + 0.2, -0.0, 1.0 / 3)
                .addSite(Element.Al, 0.5, 0.5, 0.5)
                .addSite(Site.builder().species(Element.O, 1).frac(Math.PI, Math.E, Math.ulp(1.0))
                        .property("velocity", List.of(0.1, -0.2, 3.0e-7)).build())
                .property("title", "a \"quoted\" title\nwith a newline")
                .property("source_file", "spinel.cif")
                .build();
    }

    @Test
    void structureRoundTripIsExact() {
        Structure s = disorderedSpinel();
        String json = StructureJson.toJson(s);
        Structure back = StructureJson.fromJson(json);
        assertThat(back).isEqualTo(s);
        assertThat(back.site(0).properties()).isEqualTo(s.site(0).properties());
        assertThat(back.site(0).properties().get("count")).isEqualTo(3L);
        assertThat(back.label(0)).isEqualTo("M1");
        assertThat(back.speciesAt(0).keySet()).containsExactly(Species.parse("Fe2+"), Species.parse("Ni2.5+"));
        assertThat(back.lattice().matrix()).isEqualTo(s.lattice().matrix());
        assertThat(StructureJson.toJson(back)).isEqualTo(json);
        assertThat(json).contains("\"schema\":\"orion.structure/1\"").contains("\"frac\"")
                .contains("\"oxidation_state\":2.0").contains("\"occupancy\":0.3");
    }

    @Test
    void randomStructuresRoundTrip() {
        Random rnd = new Random(99);
        for (int n = 0; n < 20; n++) {
            var b = Structure.builder().lattice(Lattice.fromParameters(2 + rnd.nextDouble() * 5,
                    2 + rnd.nextDouble() * 5, 2 + rnd.nextDouble() * 5, 80 + rnd.nextDouble() * 20,
                    80 + rnd.nextDouble() * 20, 80 + rnd.nextDouble() * 20));
            for (int i = 0; i < 50; i++) {
                Element e = Element.ofZ(1 + rnd.nextInt(118));
                if (rnd.nextBoolean()) {
                    b.addSite(Species.of(e, rnd.nextInt(7) - 3 + rnd.nextDouble()), rnd.nextGaussian(),
                            rnd.nextDouble(), rnd.nextDouble() * 1e-12);
                } else {
                    b.addSite(e, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
                }
            }
            Structure s = b.build();
            assertThat(StructureJson.fromJson(StructureJson.toJson(s))).isEqualTo(s);
        }
    }

    @Test
    void moleculeRoundTripIsExact() {
        Molecule m = Molecule.builder()
                .add(Species.parse("O2-"), 0, 0, 0.1 + 0.2)
                .add(Element.H, 0.757, 0.586, 0)
                .add(new Atom(Species.of(Element.H), -0.757, 0.586, -0.0, Map.of("charge", 0.4, "tag", "x")))
                .property("charge", 0)
                .build();
        String json = StructureJson.toJson(m);
        assertThat(json).contains("\"schema\":\"orion.molecule/1\"").contains("\"xyz\"");
        Molecule back = StructureJson.moleculeFromJson(json);
        assertThat(back).isEqualTo(m);
        assertThat(back.site(2).properties()).containsEntry("charge", 0.4);
        assertThat(back.properties()).containsEntry("charge", 0L);
    }

    @Test
    void syntaxErrorsCarryJacksonsLocation() {
        String json = "{\n  \"schema\": \"orion.structure/1\",\n  \"lattice\": [[1,0,0],[0,1,0],[0,0,1]],\n  \"sites\": [ {,\n]}";
        assertThatThrownBy(() -> StructureJson.fromJson(json, "bad.json"))
                .isInstanceOfSatisfying(StructureParseException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad.json");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isGreaterThan(1);
                    assertThat(e.getMessage()).startsWith("bad.json:4:").contains("invalid JSON");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"schema\":\"orion.structure/2\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[]}|1|11|orion.structure/2",
        "{\"schema\":\"orion.structure/1\",\"sites\":[]}|1|41|missing field \"lattice\"",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0]],\"sites\":[]}|1|57|lattice row 3",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,0]],\"sites\":[]}|1|41|bad lattice",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[{\"species\":[{\"element\":\"Xx\",\"occupancy\":1}],\"frac\":[0,0,0]}]}|1|88|'Xx'",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[{\"species\":[{\"element\":\"Fe\",\"occupancy\":1.5}],\"frac\":[0,0,0]}]}|1|76|occupancy",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[{\"species\":[{\"element\":\"Fe\",\"occupancy\":1}],\"frac\":[0,\"a\",0]}]}|1|130|expected a number for frac",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[{\"frac\":[0,0,0]}]}|1|76|non-empty \"species\"",
        "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0],[0,1,0],[0,0,1]],\"sites\":[],\"properties\":{\"x\":null}}|1|96|cannot be null",
        "[1,2]|1|1|expected a structure object",
        "{\"schema\":\"orion.structure/1\",\"schema\":\"orion.structure/1\"}|1|39|Duplicate field",
    })
    void contentErrorsNameThePlace(String json, int line, int column, String fragment) {
        assertThatThrownBy(() -> StructureJson.fromJson(json))
                .isInstanceOfSatisfying(StructureParseException.class, e -> {
                    assertThat(e.getMessage()).contains(fragment);
                    assertThat(e.source()).isEqualTo("<string>");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void moleculeErrorsNameThePlace() {
        String json = "{\"schema\":\"orion.molecule/1\",\n\"sites\":[{\"element\":\"O\"}]}";
        assertThatThrownBy(() -> StructureJson.moleculeFromJson(json, "h2o.json"))
                .isInstanceOfSatisfying(StructureParseException.class, e -> {
                    assertThat(e).hasMessage("h2o.json:2:10: atom needs \"xyz\" coordinates");
                });
    }

    @Test
    void trailingContentAndEmptyInputAreRejected() {
        String ok = StructureJson.toJson(disorderedSpinel());
        assertThatThrownBy(() -> StructureJson.fromJson(ok + " {}")).isInstanceOf(StructureParseException.class)
                .hasMessageContaining("after the document");
        assertThatThrownBy(() -> StructureJson.fromJson("")).isInstanceOf(StructureParseException.class);
        assertThatThrownBy(() -> StructureJson.moleculeFromJson(ok)).isInstanceOf(StructureParseException.class)
                .hasMessageContaining("orion.molecule/1");
    }
}
