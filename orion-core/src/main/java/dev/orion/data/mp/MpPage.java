package dev.orion.data.mp;

import java.util.List;
import java.util.Objects;

/**
 * One response of a Materials Project route: the {@code {data, errors, meta}} envelope with its
 * documents typed ({@link MaterialSummary}, {@link MaterialThermo}, ...). Read a saved one with
 * {@link MpRoute#parse}.
 *
 * @param <D>    the document type of the route
 * @param data   the documents of this page
 * @param errors the envelope's {@code errors}, each as its JSON text (usually empty)
 * @param meta   the envelope's {@code meta}
 */
public record MpPage<D>(List<D> data, List<String> errors, ResponseMeta meta) {

    /** Checks the components and copies the lists. */
    public MpPage {
        data = List.copyOf(data);
        errors = List.copyOf(errors);
        Objects.requireNonNull(meta, "meta");
    }
}
