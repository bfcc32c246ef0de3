package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OpenAI {@code POST /embeddings}: {@code data[]} of {@code {index, embedding}} (placed by {@code index},
 * which the API documents and which need not follow input order), tokens in {@code usage.prompt_tokens}.
 */
final class OpenAiEmbeddingFormat implements EmbeddingFormat {

    @Override
    public String path() {
        return "/embeddings";
    }

    @Override
    public byte[] requestBody(EmbeddingRequest request, String model) {
        return Json.bytes(EmbeddingFormat.body(request, model).put("encoding_format", "float"));
    }

    @Override
    public EmbeddingResponse parseAnswer(JsonNode body, String model, int inputs) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedAnswerException("field 'data' missing or not an array in " + Json.abbreviate(body));
        }
        float[][] placed = new float[inputs][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            JsonNode index = item.get("index");
            int at = index == null ? i : index.asInt(-1);
            if (index != null && !index.isIntegralNumber() || at < 0 || at >= inputs || placed[at] != null) {
                throw new MalformedAnswerException("data[" + i + "].index is not a fresh index below " + inputs + ": "
                        + Json.abbreviate(index));
            }
            placed[at] = EmbeddingFormat.vector(item.get("embedding"), "data[" + i + "].embedding");
        }
        List<float[]> vectors = new ArrayList<>(Arrays.asList(placed));
        vectors.removeIf(v -> v == null);
        String answered = Json.optText(body, "model");
        return EmbeddingFormat.response(answered == null ? model : answered, vectors, inputs,
                Json.tokens(body.get("usage"), "prompt_tokens"));
    }
}
