package dev.orion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectTest {

    private static final Path SI = Path.of("src/main/resources/dev/orion/samples/structures/Si.poscar");

    @Test
    void printsTheSpaceGroupOfEachStructure() {
        List<ObjectNode> out = Inspect.inspect(SI);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("spacegroup").asInt()).isEqualTo(227);
        assertThat(out.get(0).get("spacegroup_symbol").asText()).isEqualTo("Fd-3m");
    }

    @Test
    void usesTheGivenTolerance() {
        ObjectNode o = Inspect.inspect(SI, 1e-3).get(0);
        assertThat(o.get("spacegroup").asInt()).isEqualTo(227);
        assertThat(o.has("spacegroup_error")).isFalse();
    }
}
