package dev.orion.llm.router.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices per model. {@link #bundled()} holds public list prices of common models (see
 * {@code prices.json} beside this class, with the date they were taken); {@link #withPrice} overrides
 * or adds one (negotiated rates, self-hosted models).
 *
 * <p>Lookup is by exact id first, then by the longest known id that the asked id starts with, so a
 * dated snapshot ({@code gpt-4o-mini-2024-07-18}) is priced like its family.
 */
public final class PriceTable {

    private static final PriceTable BUNDLED = load();
    private final Map<String, ModelPrice> prices;

    private PriceTable(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The bundled list prices. */
    public static PriceTable bundled() {
        return BUNDLED;
    }

    /** An empty table (every model unpriced). */
    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** This table with one model's price set. @param model model id @param price the price @return the new table */
    public PriceTable withPrice(String model, ModelPrice price) {
        Map<String, ModelPrice> m = new HashMap<>(prices);
        m.put(Objects.requireNonNull(model, "model"), Objects.requireNonNull(price, "price"));
        return new PriceTable(m);
    }

    /** The price of a model. @param model model id @return the price, if known */
    public Optional<ModelPrice> find(String model) {
        ModelPrice exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String known : prices.keySet()) {
            if (model.startsWith(known) && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /** All prices by model id. */
    public Map<String, ModelPrice> prices() {
        return prices;
    }

    private static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("bundled prices.json is missing from the orion-llm jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ModelPrice> m = new HashMap<>();
            root.path("models").fields().forEachRemaining(e -> {
                JsonNode p = e.getValue();
                m.put(e.getKey(), ModelPrice.of(p.path("input").asText("0"), p.path("output").asText("0"),
                        p.path("cachedInput").asText(p.path("input").asText("0")),
                        p.path("cacheWrite").asText(p.path("input").asText("0"))));
            });
            return new PriceTable(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled prices.json", e);
        }
    }
}
