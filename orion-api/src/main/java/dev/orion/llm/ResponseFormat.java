package dev.orion.llm;

import java.util.Objects;

/** The shape the answer must take: free text, any JSON object, or JSON that follows a schema. */
public sealed interface ResponseFormat permits ResponseFormat.Text, ResponseFormat.Json, ResponseFormat.JsonSchema {

    /** Free text (the default). */
    static ResponseFormat text() {
        return Text.INSTANCE;
    }

    /** Any JSON object. */
    static ResponseFormat json() {
        return Json.INSTANCE;
    }

    /**
     * JSON that follows a schema.
     *
     * @param name   a name for the schema ({@code [A-Za-z0-9_-]+})
     * @param schema the JSON Schema, as JSON text
     */
    static ResponseFormat jsonSchema(String name, String schema) {
        return new JsonSchema(name, schema, true);
    }

    /** Free text. */
    enum Text implements ResponseFormat {
        /** The only value. */
        INSTANCE
    }

    /** Any JSON object. */
    enum Json implements ResponseFormat {
        /** The only value. */
        INSTANCE
    }

    /**
     * JSON following a schema.
     *
     * @param name   the schema's name
     * @param schema the schema as JSON text
     * @param strict whether the provider must follow it exactly (OpenAI {@code strict})
     */
    record JsonSchema(String name, String schema, boolean strict) implements ResponseFormat {
        /** Validates the format. */
        public JsonSchema {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("schema name must match [A-Za-z0-9_-]{1,64}, was '" + name + "'");
            }
            Objects.requireNonNull(schema, "schema");
            if (!schema.strip().startsWith("{")) {
                throw new IllegalArgumentException("schema must be a JSON object, was '" + schema + "'");
            }
        }
    }
}
