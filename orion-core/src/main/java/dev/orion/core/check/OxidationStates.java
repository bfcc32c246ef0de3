package dev.orion.core.check;

import dev.orion.structure.Element;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The common oxidation states of the elements, read once from {@code common-oxidation-states.tsv}. */
final class OxidationStates {

    private static final Map<Element, int[]> COMMON = load();

    private OxidationStates() {
    }

    static Optional<int[]> common(Element e) {
        return Optional.ofNullable(COMMON.get(e)).map(int[]::clone);
    }

    private static Map<Element, int[]> load() {
        Map<Element, int[]> out = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(OxidationStates.class.getResourceAsStream("common-oxidation-states.tsv"),
                "common-oxidation-states.tsv is missing from the orion-core jar");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.put(Element.of(cols[0]), Arrays.stream(cols[1].split(",")).mapToInt(Integer::parseInt).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading common-oxidation-states.tsv failed", e);
        }
        return Map.copyOf(out);
    }
}
