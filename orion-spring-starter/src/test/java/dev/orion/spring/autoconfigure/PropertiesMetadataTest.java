package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metadata the configuration processor generates, which IDEs complete properties from. */
class PropertiesMetadataTest {

    private static JsonNode metadata;
    private static final Map<String, JsonNode> PROPERTIES = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = PropertiesMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        metadata.get("properties").forEach(p -> PROPERTIES.put(p.get("name").asText(), p));
    }

    @Test
    void everyPropertyHasADescriptionThatIsASentence() {
        assertThat(PROPERTIES).hasSizeGreaterThan(25);
        PROPERTIES.forEach((name, p) -> assertThat(p.path("description").asText()).as(name)
                .matches("[A-Z$].*\\.").doesNotContain("{@code"));
    }

    @Test
    void defaultsAreDeclared() {
        assertThat(PROPERTIES.get("orion.store.folder").get("defaultValue").asText()).isEqualTo("orion-data");
        assertThat(PROPERTIES.get("orion.engines.lammps.executable").get("defaultValue").asText()).isEqualTo("lmp");
        assertThat(PROPERTIES.get("orion.slurm.enabled").get("defaultValue").asBoolean()).isFalse();
        assertThat(PROPERTIES.get("orion.llm.persist").get("defaultValue").asBoolean()).isTrue();
    }

    @Test
    void theStoreTypeHasValueHints() {
        JsonNode hint = null;
        for (JsonNode h : metadata.get("hints")) {
            if (h.get("name").asText().equals("orion.store.type")) {
                hint = h;
            }
        }
        assertThat(hint).isNotNull();
        assertThat(hint.get("values").findValuesAsText("value")).containsExactly("embedded", "postgres", "memory");
    }
}
