package dev.orion.io.json;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;

/** Writes ORION's JSON structure document ({@link StructureJson}) for {@code Structures.write}. */
public final class JsonStructureWriter implements StructureWriter {

    @Override
    public StructureFormat format() {
        return StructureFormat.JSON;
    }

    @Override
    public String write(Structure structure) {
        return StructureJson.toJson(structure);
    }
}
