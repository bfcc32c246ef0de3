package dev.orion.io;

import dev.orion.io.internal.SourceText;

import dev.orion.StructureParseException;
import dev.orion.structure.StructureFormat;

/**
 * Reads one file format into ORION's structure model.
 *
 * <p>A reader is stateless and thread-safe. It must finish in time linear (or close to it) in the
 * size of its input, whatever the input is, and must never allocate from a count written in the
 * file before it has seen the data that count announces: fuzzed inputs must neither hang nor
 * exhaust memory. Its only exception is {@link StructureParseException}.
 */
public interface StructureReader {

    /** @return the format this reader understands */
    StructureFormat format();

    /**
     * Reads every structure of an input.
     *
     * @param text    the whole input
     * @param options the tolerances and policies to apply
     * @return the structures, molecules and warnings read
     * @throws StructureParseException if the input is not valid in this format
     */
    ReadResult read(SourceText text, ReadOptions options);
}
