package dev.orion.io.json;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.StructureFormat;
import java.util.List;

/**
 * Reads ORION's JSON documents ({@link StructureJson}) for {@code Structures.read}: a structure
 * document gives one structure, a molecule document ({@value StructureJson#MOLECULE_SCHEMA}) one
 * molecule.
 */
public final class JsonStructureReader implements StructureReader {

    @Override
    public StructureFormat format() {
        return StructureFormat.JSON;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        String json = text.text();
        boolean molecule = json.contains('"' + StructureJson.MOLECULE_SCHEMA + '"')
                && !json.contains('"' + StructureJson.STRUCTURE_SCHEMA + '"');
        return molecule
                ? new ReadResult(List.of(), List.of(StructureJson.moleculeFromJson(json, text.name())), List.of())
                : ReadResult.ofStructures(List.of(StructureJson.fromJson(json, text.name())), List.of());
    }
}
