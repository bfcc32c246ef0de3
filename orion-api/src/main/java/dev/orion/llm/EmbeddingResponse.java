package dev.orion.llm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The vectors of an {@link EmbeddingRequest}, one per input in input order, with what they cost.
 *
 * <p>Vectors are copied in and out: a caller cannot change what another caller (or the cache) holds.
 *
 * @param model       the model that produced the vectors (the provider's id)
 * @param vectors     one vector per input, all of one length
 * @param usage       the tokens the provider counted (input tokens only)
 * @param costUsd     what the call cost; zero for a cache hit
 * @param cacheHit    whether the router's cache answered
 * @param modelsTried the router's models tried, in order (empty from a provider or the cache)
 */
public record EmbeddingResponse(String model, List<float[]> vectors, Usage usage, BigDecimal costUsd, boolean cacheHit,
                                List<String> modelsTried) {

    /** Validates the response and copies the vectors. */
    public EmbeddingResponse {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costUsd, "costUsd");
        modelsTried = List.copyOf(modelsTried);
        vectors = copy(Objects.requireNonNull(vectors, "vectors"));
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("vectors must not be empty");
        }
        int length = vectors.get(0).length;
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length == 0 || v.length != length) {
                throw new IllegalArgumentException("vectors[" + i + "] has length " + v.length + ", expected " + length + " (> 0)");
            }
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("vectors[" + i + "] holds a non-finite value " + x);
                }
            }
        }
        if (costUsd.signum() < 0) {
            throw new IllegalArgumentException("costUsd must be >= 0, was " + costUsd);
        }
    }

    /** An answer from a provider: not from the cache, no models tried yet. */
    public static EmbeddingResponse of(String model, List<float[]> vectors, Usage usage) {
        return new EmbeddingResponse(model, vectors, usage, BigDecimal.ZERO, false, List.of());
    }

    /** @return a copy of the vectors (each array copied) */
    @Override
    public List<float[]> vectors() {
        return copy(vectors);
    }

    /** @param index the input's index @return a copy of its vector */
    public float[] vector(int index) {
        return vectors.get(index).clone();
    }

    /** @return how many numbers each vector has */
    public int dimensions() {
        return vectors.get(0).length;
    }

    /** @param cost the price of the usage @param tried models tried @return this answer as the router returns it */
    public EmbeddingResponse priced(BigDecimal cost, List<String> tried) {
        return new EmbeddingResponse(model, vectors, usage, cost, false, tried);
    }

    /** @return this answer as served from a cache: costing nothing, no models tried */
    public EmbeddingResponse asCacheHit() {
        return new EmbeddingResponse(model, vectors, usage, BigDecimal.ZERO, true, List.of());
    }

    private static List<float[]> copy(List<float[]> in) {
        List<float[]> out = new ArrayList<>(in.size());
        for (float[] v : in) {
            out.add(Objects.requireNonNull(v, "vector").clone());
        }
        return List.copyOf(out);
    }

    /** Equal when every component is, the vectors compared by value. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EmbeddingResponse r) || vectors.size() != r.vectors.size()) {
            return false;
        }
        for (int i = 0; i < vectors.size(); i++) {
            if (!java.util.Arrays.equals(vectors.get(i), r.vectors.get(i))) {
                return false;
            }
        }
        return model.equals(r.model) && usage.equals(r.usage) && costUsd.compareTo(r.costUsd) == 0 && cacheHit == r.cacheHit
                && modelsTried.equals(r.modelsTried);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(model, usage, costUsd.stripTrailingZeros(), cacheHit, modelsTried);
        for (float[] v : vectors) {
            h = 31 * h + java.util.Arrays.hashCode(v);
        }
        return h;
    }

    @Override
    public String toString() {
        return "EmbeddingResponse{model=" + model + ", vectors=" + vectors.size() + "x" + vectors.get(0).length
                + ", usage=" + usage + ", cost=" + costUsd + ", cacheHit=" + cacheHit + "}";
    }
}
