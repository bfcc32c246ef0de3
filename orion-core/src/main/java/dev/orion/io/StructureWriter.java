package dev.orion.io;

import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;

/**
 * Writes ORION's structure model in one file format.
 *
 * <p>A writer is stateless and thread-safe. What it writes, the reader of the same format reads
 * back to the same structure (fractional coordinates within 1e-8), except for information the
 * format cannot hold (for example site labels in POSCAR), which its Javadoc lists.
 */
public interface StructureWriter {

    /** @return the format this writer produces */
    StructureFormat format();

    /**
     * Writes a structure.
     *
     * @param structure the structure to write
     * @return the file's text
     * @throws IllegalArgumentException if the structure cannot be expressed in this format (for
     *                                  example a disordered structure in POSCAR), naming why
     */
    String write(Structure structure);
}
