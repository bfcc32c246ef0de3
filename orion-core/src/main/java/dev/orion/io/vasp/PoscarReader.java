package dev.orion.io.vasp;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.StructureFormat;
import java.util.Objects;

/**
 * Reads VASP POSCAR and CONTCAR files into one {@link dev.orion.structure.Structure}.
 *
 * <p>What is understood:
 * <ul>
 *   <li>line 1, the title, kept as the structure property {@code "title"};</li>
 *   <li>the scale line: one positive factor, one negative number (the target cell volume in
 *       Å³), or three positive factors for the Cartesian x, y and z components;</li>
 *   <li>VASP 5 files with a species line ({@code Si}, {@code Si_pv}, {@code Si/abc123} are all
 *       silicon) and VASP 4 files without one. For VASP 4 the elements come from the title when it
 *       is one element symbol per count group, else from site comments ({@code # Na1}) or trailing
 *       symbols when every site of a count group names the same element, else placeholders H, He,
 *       Li, ... one per count group (as pymatgen does), with a warning saying so;</li>
 *   <li>an optional {@code Selective dynamics} line; the flags become the site property
 *       {@code "selective_dynamics"}, a list of three booleans;</li>
 *   <li>Direct or Cartesian ({@code C}, {@code c}, {@code K}, {@code k}) coordinates;</li>
 *   <li>a comment after a coordinate line ({@code # Na1}) becomes the site label.</li>
 * </ul>
 * Velocity and predictor-corrector blocks after the coordinates are ignored with a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class PoscarReader implements StructureReader {

    /** A reader; it holds no state. */
    public PoscarReader() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.POSCAR;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        return new PoscarParser(text, options).parse();
    }
}
