package dev.orion.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orion.structure.Atom;
import dev.orion.structure.Lattice;
import dev.orion.structure.Molecule;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Streams structures and molecules into JSON text (no tree is built, so large structures stay cheap). */
final class JsonWriting {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonWriting() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            // a StringWriter does not fail; anything here is a bug worth surfacing
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return out.toString();
    }

    static String structure(Structure s) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", StructureJson.STRUCTURE_SCHEMA);
            g.writeFieldName("lattice");
            lattice(g, s.lattice());
            g.writeArrayFieldStart("sites");
            for (int i = 0; i < s.size(); i++) {
                g.writeStartObject();
                g.writeArrayFieldStart("species");
                for (Map.Entry<Species, Double> e : s.speciesAt(i).entrySet()) {
                    g.writeStartObject();
                    species(g, e.getKey());
                    g.writeNumberField("occupancy", e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeFieldName("frac");
                g.writeArray(new double[] {s.fracX(i), s.fracY(i), s.fracZ(i)}, 0, 3);
                if (!s.label(i).isEmpty()) {
                    g.writeStringField("label", s.label(i));
                }
                properties(g, s.siteProperties(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            properties(g, s.properties());
            g.writeEndObject();
        });
    }

    static String molecule(Molecule m) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", StructureJson.MOLECULE_SCHEMA);
            g.writeArrayFieldStart("sites");
            for (Atom a : m.sites()) {
                g.writeStartObject();
                species(g, a.species());
                g.writeFieldName("xyz");
                g.writeArray(new double[] {a.x(), a.y(), a.z()}, 0, 3);
                properties(g, a.properties());
                g.writeEndObject();
            }
            g.writeEndArray();
            properties(g, m.properties());
            g.writeEndObject();
        });
    }

    private static void lattice(JsonGenerator g, Lattice l) throws IOException {
        g.writeStartArray();
        for (double[] row : l.matrix()) {
            g.writeArray(row, 0, 3);
        }
        g.writeEndArray();
    }

    private static void species(JsonGenerator g, Species sp) throws IOException {
        g.writeStringField("element", sp.element().symbol());
        if (sp.oxidationState().isPresent()) {
            g.writeNumberField("oxidation_state", sp.oxidationState().getAsDouble());
        }
    }

    private static void properties(JsonGenerator g, Map<String, Object> props) throws IOException {
        if (!props.isEmpty()) {
            g.writeFieldName("properties");
            value(g, props);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            // the model normalises every property value to the types above
            throw new IllegalStateException("unexpected property value type " + v.getClass().getName());
        }
    }
}
