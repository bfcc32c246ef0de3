package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document of {@code materials/provenance} (emmet's {@code ProvenanceDoc}): where a material's
 * structure comes from, to tell a measured structure from a predicted one and to cite it. Everything but
 * the id is optional or empty when not sent (it depends on {@code _fields}); every field ORION does not
 * model ({@code history}, {@code origins}, authors' e-mail addresses, ...) is kept in {@link #extras()}.
 *
 * @param materialId    the id, e.g. {@code mp-149}
 * @param formulaPretty the reduced formula
 * @param createdAt     when the first structure of the material was created, as sent (ISO-8601)
 * @param theoretical   whether the material has no experimental provenance
 * @param deprecated    whether the Materials Project deprecated it
 * @param databaseIds   ids in experimental databases by database ({@code icsd}, {@code pauling}, {@code cod})
 * @param references    BibTeX strings of the references
 * @param authorNames   the authors' names (their whole records stay in the extras when they carry more)
 * @param remarks       free-text remarks
 * @param tags          tags, e.g. {@code High pressure experimental phase}
 * @param extras        every field not modelled above, as sent (a copy is returned)
 */
public record MaterialProvenance(String materialId, Optional<String> formulaPretty, Optional<String> createdAt,
        Optional<Boolean> theoretical, Optional<Boolean> deprecated, Map<String, List<String>> databaseIds,
        List<String> references, List<String> authorNames, List<String> remarks, List<String> tags, JsonNode extras) {

    /** Checks that no component is null, copies the collections and keeps a private copy of {@code extras}. */
    public MaterialProvenance {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(formulaPretty, "formulaPretty");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(theoretical, "theoretical");
        Objects.requireNonNull(deprecated, "deprecated");
        databaseIds = Map.copyOf(databaseIds);
        references = List.copyOf(references);
        authorNames = List.copyOf(authorNames);
        remarks = List.copyOf(remarks);
        tags = List.copyOf(tags);
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a copy of the fields ORION does not model, as sent */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }

    /** Reads one document of {@code materials/provenance}. */
    static MaterialProvenance read(DocumentFields d) {
        return new MaterialProvenance(d.required("material_id"), d.text("formula_pretty"), d.text("created_at"),
                d.bool("theoretical"), d.bool("deprecated"), d.textLists("database_IDs").orElse(Map.of()),
                d.texts("references"), d.each("authors", a -> a.text("name")).stream().flatMap(Optional::stream).toList(),
                d.texts("remarks"), d.texts("tags"), d.rest());
    }
}
