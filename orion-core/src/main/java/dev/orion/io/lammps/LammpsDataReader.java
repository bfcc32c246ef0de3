package dev.orion.io.lammps;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a LAMMPS data file (as written by {@code write_data}, ASE, Atomsk, moltemplate ...) into a
 * periodic structure.
 *
 * <p>Header: the title line, {@code N atoms}, {@code N atom types}, {@code xlo xhi}, {@code ylo yhi},
 * {@code zlo zhi} (LAMMPS's default -0.5 0.5 when one is missing) and the triclinic tilts
 * {@code xy xz yz}; other counts (bonds, angles, ...) are accepted and their sections skipped.
 * Sections read: {@code Masses}, {@code Atoms} and {@code Velocities}. The atom style comes from the
 * hint after the keyword ({@code Atoms # atomic}; supported: atomic, charge, full, molecular, bond,
 * angle); without a hint, 5 or 8 columns are read as atomic ({@code id type x y z [ix iy iz]}) and 6
 * or 9 as charge ({@code id type q x y z [ix iy iz]}), with a warning.
 *
 * <p>The element of each atom type comes, in this order, from the map given to
 * {@link #LammpsDataReader(Map)}, from the {@code # Symbol} comment of its {@code Masses} line
 * ({@code 1 63.546 # Cu}), or from its mass: the element whose standard atomic mass is within
 * 0.1 u, when exactly one is. Otherwise reading fails, naming the type.
 *
 * <p>The structure: lattice a = (xhi-xlo, 0, 0), b = (xy, yhi-ylo, 0), c = (xz, yz, zhi-zlo);
 * positions are taken relative to (xlo, ylo, zlo) and wrapped into the cell (image flags are read
 * and checked, not applied); sites are ordered by atom id. Site properties: {@code "id"} (the atom
 * id), {@code "charge"} (charge, full styles), {@code "velocity"} (three numbers in the file's
 * units, when a Velocities section lists the atom).
 */
public final class LammpsDataReader implements StructureReader {

    private final Map<Integer, Element> typeElements;

    /** A reader that takes elements from the Masses section. */
    public LammpsDataReader() {
        this(Map.of());
    }

    /**
     * A reader with the elements of (some) atom types given explicitly, for files whose masses are
     * not those of the elements (coarse-grained models, isotopes) and carry no symbol comments.
     *
     * @param typeElements atom type (1-based) to element; these win over the file's Masses section
     * @throws IllegalArgumentException if a type is below 1
     */
    public LammpsDataReader(Map<Integer, Element> typeElements) {
        Objects.requireNonNull(typeElements, "typeElements");
        typeElements.forEach((type, element) -> {
            if (type == null || type < 1) {
                throw new IllegalArgumentException("typeElements keys must be atom types >= 1, found " + type);
            }
            Objects.requireNonNull(element, "typeElements value for type " + type);
        });
        this.typeElements = Map.copyOf(typeElements);
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.LAMMPS_DATA;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        List<ReadWarning> warnings = new ArrayList<>();
        DataFileParser parser = new DataFileParser(text, options, warnings);
        parser.parse();
        Structure structure = new DataFile(text, parser, typeElements, warnings).structure();
        return ReadResult.ofStructures(List.of(structure), warnings);
    }
}
