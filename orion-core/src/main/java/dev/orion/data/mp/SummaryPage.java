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

    /**
     * Reads a saved response of {@code materials/summary} (a snapshot for offline use or tests).
     *
     * @param envelopeJson the JSON text of a {@code {data, errors, meta}} envelope
     * @return the typed page
     * @throws MaterialsProjectException if the text is not such an envelope or a structure is invalid
     */
    public static SummaryPage parse(String envelopeJson) {
        return SummaryDecoder.page(Objects.requireNonNull(envelopeJson, "envelopeJson"), "<string>");
    }
}
