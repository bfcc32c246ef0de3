package dev.orion.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    enum Mode { FAST, CAREFUL }

    record Point(double a, int nickels, String label, boolean pinned) { }

    record Request(List<Point> points, Mode mode, Map<String, Double> weights, long[] seeds) { }

    record Loop(List<Loop> children) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesRecordsEnumsListsMapsAndScalars() throws Exception {
        JsonNode s = JSON.readTree(JsonSchemas.of(Request.class));
        assertThat(s.get("type").asText()).isEqualTo("object");
        assertThat(s.get("required")).extracting(JsonNode::asText).containsExactly("points", "mode", "weights", "seeds");
        assertThat(s.get("additionalProperties").asBoolean()).isFalse();
        JsonNode point = s.at("/properties/points/items");
        assertThat(s.at("/properties/points/type").asText()).isEqualTo("array");
        assertThat(point.at("/properties/a/type").asText()).isEqualTo("number");
        assertThat(point.at("/properties/nickels/type").asText()).isEqualTo("integer");
        assertThat(point.at("/properties/label/type").asText()).isEqualTo("string");
        assertThat(point.at("/properties/pinned/type").asText()).isEqualTo("boolean");
        assertThat(s.at("/properties/mode/enum")).extracting(JsonNode::asText).containsExactly("FAST", "CAREFUL");
        assertThat(s.at("/properties/weights/additionalProperties/type").asText()).isEqualTo("number");
        assertThat(s.at("/properties/seeds/items/type").asText()).isEqualTo("integer");
    }

    @Test
    void refusesTypesWithoutASchemaNamingWhere() {
        record WithObject(Object anything) { }
        assertThatThrownBy(() -> JsonSchemas.of(WithObject.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining(".anything");
        assertThatThrownBy(() -> JsonSchemas.of(Loop.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refers to itself");
    }

    @Test
    void aTypedToolReadsItsRecordStrictlyAndWritesItsResultAsJson() {
        Tool t = Tool.typed("scale", "Scales a point", Point.class, p -> new Point(p.a() * 2, p.nickels(), p.label(), p.pinned()));
        assertThat(t.spec().parametersJsonSchema()).isEqualTo(JsonSchemas.of(Point.class));
        assertThat(t.function().apply("{\"a\":1.5,\"nickels\":3,\"label\":\"x\",\"pinned\":true}"))
                .isEqualTo("{\"a\":3.0,\"nickels\":3,\"label\":\"x\",\"pinned\":true}");
        assertThatThrownBy(() -> t.function().apply("{\"a\":1.5,\"nickels\":3,\"label\":\"x\",\"pinned\":true,\"extra\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> t.function().apply("{\"a\":1.5}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Point");
    }
}
