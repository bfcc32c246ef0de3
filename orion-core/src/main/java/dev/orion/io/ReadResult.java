package dev.orion.io;

import dev.orion.structure.Molecule;
import dev.orion.structure.Structure;
import java.util.List;

/**
 * Everything read from one input: its periodic structures (one per CIF data block or XYZ frame
 * with a lattice), its molecules (XYZ frames without a lattice), and the warnings collected on the
 * way. Nothing half-built is ever part of a result: a reader either returns whole structures or
 * throws {@link dev.orion.StructureParseException}.
 *
 * @param structures the periodic structures, in file order
 * @param molecules  the non-periodic molecules, in file order
 * @param warnings   the recoverable oddities, in the order they were met
 */
public record ReadResult(List<Structure> structures, List<Molecule> molecules, List<ReadWarning> warnings) {

    /** Copies the lists, so a result never changes after it is made. */
    public ReadResult {
        structures = List.copyOf(structures);
        molecules = List.copyOf(molecules);
        warnings = List.copyOf(warnings);
    }

    /**
     * A result of periodic structures only.
     *
     * @param structures the structures read
     * @param warnings   the warnings collected
     * @return the result
     */
    public static ReadResult ofStructures(List<Structure> structures, List<ReadWarning> warnings) {
        return new ReadResult(structures, List.of(), warnings);
    }

    /** @return the number of structures and molecules read */
    public int size() {
        return structures.size() + molecules.size();
    }
}
