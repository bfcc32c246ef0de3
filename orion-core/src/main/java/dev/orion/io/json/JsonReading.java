package dev.orion.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.orion.StructureParseException;
import dev.orion.io.internal.CellLimits;
import dev.orion.structure.Atom;
import dev.orion.structure.Element;
import dev.orion.structure.Molecule;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Reads structure and molecule documents with Jackson's streaming parser, so every error, in the
 * JSON syntax or in the document's content, is reported with its line and column.
 */
final class JsonReading {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String json;
    private final String source;
    private JsonParser p;

    JsonReading(String json, String source) {
        this.json = Objects.requireNonNull(json, "json");
        this.source = source == null ? StructureParseException.STRING_SOURCE : source;
    }

    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException;
    }

    private <T> T parse(Body<T> body) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            p = parser;
            p.nextToken();
            T result = body.read();
            if (p.nextToken() != null) {
                throw error("unexpected content after the document");
            }
            return result;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new StructureParseException(source, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON from a string", e);
        }
    }

    Structure structure() {
        return parse(() -> {
            start(JsonToken.START_OBJECT, "a structure object");
            StructureBuilder b = Structure.builder();
            boolean schema = false;
            boolean sites = false;
            double[][] lattice = null;
            JsonLocation latticeAt = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "schema" -> schema = schema(StructureJson.STRUCTURE_SCHEMA);
                    case "lattice" -> {
                        latticeAt = p.currentTokenLocation();
                        lattice = matrix();
                    }
                    case "sites" -> {
                        sites = true;
                        array("sites", () -> structureSite(b));
                    }
                    case "properties" -> properties(b::property);
                    default -> p.skipChildren();
                }
            }
            requireField(schema, "schema");
            requireField(lattice != null, "lattice");
            requireField(sites, "sites");
            try {
                b.lattice(CellLimits.lattice(lattice));
            } catch (IllegalArgumentException e) {
                throw new StructureParseException(source, latticeAt.getLineNr(), latticeAt.getColumnNr(),
                        "bad lattice: " + e.getMessage(), e);
            }
            return b.build();
        });
    }

    Molecule molecule() {
        return parse(() -> {
            start(JsonToken.START_OBJECT, "a molecule object");
            Molecule.Builder b = Molecule.builder();
            boolean schema = false;
            boolean sites = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "schema" -> schema = schema(StructureJson.MOLECULE_SCHEMA);
                    case "sites" -> {
                        sites = true;
                        array("sites", () -> b.add(atom()));
                    }
                    case "properties" -> properties(b::property);
                    default -> p.skipChildren();
                }
            }
            requireField(schema, "schema");
            requireField(sites, "sites");
            return b.build();
        });
    }

    /** Reads a properties object and hands each entry to {@code sink}, which may reject it. */
    private void properties(BiConsumer<String, Object> sink) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        Map<String, Object> props = object("properties");
        try {
            props.forEach(sink);
        } catch (IllegalArgumentException e) {
            throw error(at, "bad properties: " + e.getMessage());
        }
    }

    private boolean schema(String expected) throws IOException {
        String found = string("schema");
        if (!found.equals(expected)) {
            throw error("expected schema '" + expected + "', found '" + found + "'");
        }
        return true;
    }

    private void structureSite(StructureBuilder b) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        start(JsonToken.START_OBJECT, "a site object");
        Map<Species, Double> species = new LinkedHashMap<>();
        double[] frac = null;
        String label = "";
        Map<String, Object> props = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "species" -> array("species", () -> occupancy(species));
                case "frac" -> frac = vector("frac");
                case "label" -> label = string("label");
                case "properties" -> props = object("properties");
                default -> p.skipChildren();
            }
        }
        if (species.isEmpty()) {
            throw error(at, "site needs a non-empty \"species\" array");
        }
        if (frac == null) {
            throw error(at, "site needs \"frac\" coordinates");
        }
        try {
            if (label.isEmpty() && props.isEmpty() && species.size() == 1 && species.values().contains(1.0)) {
                b.addSite(species.keySet().iterator().next(), frac[0], frac[1], frac[2]);
            } else {
                b.addSite(Site.builder().species(species).frac(frac).label(label).properties(props).build());
            }
        } catch (IllegalArgumentException e) {
            throw error(at, "bad site: " + e.getMessage());
        }
    }

    private void occupancy(Map<Species, Double> into) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        start(JsonToken.START_OBJECT, "a species object");
        Double occupancy = null;
        String element = null;
        Double oxidation = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "element" -> element = string("element");
                case "oxidation_state" -> oxidation = number("oxidation_state");
                case "occupancy" -> occupancy = number("occupancy");
                default -> p.skipChildren();
            }
        }
        Species sp = species(at, element, oxidation);
        if (occupancy == null) {
            throw error(at, "species " + sp + " needs an \"occupancy\"");
        }
        if (into.put(sp, occupancy) != null) {
            throw error(at, "species " + sp + " appears twice on one site");
        }
    }

    private Atom atom() throws IOException {
        JsonLocation at = p.currentTokenLocation();
        start(JsonToken.START_OBJECT, "an atom object");
        String element = null;
        Double oxidation = null;
        double[] xyz = null;
        Map<String, Object> props = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "element" -> element = string("element");
                case "oxidation_state" -> oxidation = number("oxidation_state");
                case "xyz" -> xyz = vector("xyz");
                case "properties" -> props = object("properties");
                default -> p.skipChildren();
            }
        }
        Species sp = species(at, element, oxidation);
        if (xyz == null) {
            throw error(at, "atom needs \"xyz\" coordinates");
        }
        try {
            return new Atom(sp, xyz[0], xyz[1], xyz[2], props);
        } catch (IllegalArgumentException e) {
            throw error(at, "bad atom: " + e.getMessage());
        }
    }

    private Species species(JsonLocation at, String element, Double oxidation) {
        if (element == null) {
            throw error(at, "missing \"element\"");
        }
        try {
            Element e = Element.of(element);
            return oxidation == null ? Species.of(e) : Species.of(e, oxidation);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private double[][] matrix() throws IOException {
        start(JsonToken.START_ARRAY, "a 3x3 array for \"lattice\"");
        double[][] rows = new double[3][];
        for (int r = 0; r < 3; r++) {
            p.nextToken();
            rows[r] = vector("lattice row " + (r + 1));
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw error("\"lattice\" must have exactly 3 rows");
        }
        return rows;
    }

    private double[] vector(String what) throws IOException {
        start(JsonToken.START_ARRAY, "an array of 3 numbers for " + what);
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw error(what + " must have 3 numbers, found " + k);
            }
            v[k] = number(what);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw error(what + " must have exactly 3 numbers");
        }
        return v;
    }

    private double number(String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error("expected a number for " + what + ", found " + describe(t));
        }
        return p.getDoubleValue();
    }

    private String string(String what) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("expected a string for " + what + ", found " + describe(p.currentToken()));
        }
        return p.getText();
    }

    @FunctionalInterface
    private interface ItemReader {
        void read() throws IOException;
    }

    private void array(String what, ItemReader item) throws IOException {
        start(JsonToken.START_ARRAY, "an array for \"" + what + "\"");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            item.read();
        }
    }

    private Map<String, Object> object(String what) throws IOException {
        start(JsonToken.START_OBJECT, "an object for \"" + what + "\"");
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            m.put(key, value(key));
        }
        return m;
    }

    private Object value(String key) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw error("property '" + key + "' is too large for a long: " + p.getText());
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw error("property '" + key + "' is out of range: " + p.getText());
                }
                return d;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(key));
                }
                return list;
            case START_OBJECT:
                return object(key);
            default:
                throw error("property '" + key + "' cannot be " + describe(t));
        }
    }

    private void start(JsonToken expected, String what) {
        if (p.currentToken() != expected) {
            throw error("expected " + what + ", found " + describe(p.currentToken()));
        }
    }

    private void requireField(boolean present, String field) {
        if (!present) {
            throw error("missing field \"" + field + "\"");
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the text";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private StructureParseException error(String reason) {
        return error(p.currentTokenLocation(), reason);
    }

    private StructureParseException error(JsonLocation at, String reason) {
        return new StructureParseException(source, at.getLineNr(), at.getColumnNr(), reason);
    }
}
