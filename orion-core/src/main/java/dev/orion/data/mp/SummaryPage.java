package dev.orion.data.mp;

import java.util.List;
import java.util.Objects;

/**
 * One response of {@code materials/summary}: the {@code {data, errors, meta}} envelope with its
 * documents typed.
 *
 * @param data   the documents of this page
 * @param errors the envelope's {@code errors}, each as its JSON text (usually empty)
 * @param meta   the envelope's {@code meta}
 */
public record SummaryPage(List<MaterialSummary> data, List<String> errors, ResponseMeta meta) {

    /** Checks the components and copies the lists. */
    public SummaryPage {
        data = List.copyOf(data);
        errors = List.copyOf(errors);
        Objects.requireNonNull(meta, "meta");
    }
}
