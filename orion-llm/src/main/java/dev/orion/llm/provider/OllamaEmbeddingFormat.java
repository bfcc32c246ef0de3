package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import java.util.ArrayList;
import java.util.List;

/** Ollama {@code POST /api/embed}: vectors in {@code embeddings}, tokens in {@code prompt_eval_count}. */
final class OllamaEmbeddingFormat implements EmbeddingFormat {

    @Override
    public String path() {
        return "/api/embed";
    }

    @Override
    public byte[] requestBody(EmbeddingRequest request, String model) {
        return Json.bytes(EmbeddingFormat.body(request, model));
    }

    @Override
    public EmbeddingResponse parseAnswer(JsonNode body, String model, int inputs) {
        JsonNode embeddings = body.get("embeddings");
        if (embeddings == null || !embeddings.isArray()) {
            throw new MalformedAnswerException("field 'embeddings' missing or not an array in " + Json.abbreviate(body));
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            vectors.add(EmbeddingFormat.vector(embeddings.get(i), "embeddings[" + i + "]"));
        }
        String answered = Json.optText(body, "model");
        return EmbeddingFormat.response(answered == null ? model : answered, vectors, inputs,
                Json.tokens(body, "prompt_eval_count"));
    }
}
