package dev.orion.llm.internal;

import dev.orion.llm.ChatResponse;
import dev.orion.llm.EmbeddingResponse;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Carries an {@link EmbeddingResponse} through the response cache, whose entries (in memory and in the
 * tenant's store) are chat answers: the vectors become one line per vector of base64 little-endian float32
 * (exact, and a quarter the size of decimal text), the answer id marks the entry as an embedding.
 */
public final class EmbeddingCacheCodec {

    private static final String MARK = "orion-embedding";

    private EmbeddingCacheCodec() {
    }

    /** @param response the answer to cache @return it as a cache entry */
    public static ChatResponse encode(EmbeddingResponse response) {
        StringBuilder text = new StringBuilder();
        for (float[] v : response.vectors()) {
            ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                buf.putFloat(x);
            }
            text.append(Base64.getEncoder().encodeToString(buf.array())).append('\n');
        }
        return new ChatResponse(MARK, response.model(), Message.assistant(text.toString()), FinishReason.STOP,
                response.usage(), response.costUsd(), false, response.modelsTried());
    }

    /**
     * @param cached a cache entry
     * @return the embedding answer it holds, costing nothing and marked as a cache hit
     * @throws IllegalArgumentException if the entry is not an embedding (a corrupt or foreign entry)
     */
    public static EmbeddingResponse decode(ChatResponse cached) {
        if (!MARK.equals(cached.id())) {
            throw new IllegalArgumentException("cache entry is not an embedding: id '" + cached.id() + "'");
        }
        List<float[]> vectors = new ArrayList<>();
        for (String line : cached.text().split("\n")) {
            ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(line)).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[buf.remaining() / Float.BYTES];
            for (int i = 0; i < v.length; i++) {
                v[i] = buf.getFloat();
            }
            vectors.add(v);
        }
        return new EmbeddingResponse(cached.model(), vectors, cached.usage(), BigDecimal.ZERO, true, List.of());
    }
}
