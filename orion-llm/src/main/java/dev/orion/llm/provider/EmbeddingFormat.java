package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import java.util.ArrayList;
import java.util.List;

/** One provider's embedding wire format: path, request body, answer parsing. */
interface EmbeddingFormat {

    /** The path appended to the base URL. */
    String path();

    /** The JSON body of a request for {@code model}. */
    byte[] requestBody(EmbeddingRequest request, String model);

    /** Parses an answer of {@code inputs} vectors; throws {@link MalformedAnswerException} on a bad shape. */
    EmbeddingResponse parseAnswer(JsonNode body, String model, int inputs);

    /** {@code {"model": .., "input": [..]}}, the body both OpenAI and Ollama accept, with {@code dimensions} if asked. */
    static ObjectNode body(EmbeddingRequest request, String model) {
        ObjectNode body = Json.object();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        request.inputs().forEach(input::add);
        request.dimensions().ifPresent(d -> body.put("dimensions", d));
        return body;
    }

    /** A JSON array of numbers as a vector, or a {@link MalformedAnswerException} naming what is wrong. */
    static float[] vector(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new MalformedAnswerException(where + " is not a non-empty array of numbers: " + Json.abbreviate(node));
        }
        float[] v = new float[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber() || !Float.isFinite(x.floatValue())) {
                throw new MalformedAnswerException(where + "[" + i + "] is not a finite number: " + Json.abbreviate(x));
            }
            v[i] = x.floatValue();
        }
        return v;
    }

    /** The vectors as a response, or a {@link MalformedAnswerException} if their count or lengths are wrong. */
    static EmbeddingResponse response(String model, List<float[]> vectors, int inputs, long tokens) {
        if (vectors.size() != inputs) {
            throw new MalformedAnswerException(inputs + " inputs were sent but " + vectors.size() + " vectors came back");
        }
        try {
            return EmbeddingResponse.of(model, new ArrayList<>(vectors), Json.usage(tokens, 0, 0, 0, 0));
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException(e.getMessage(), e);
        }
    }
}
