package dev.orion.io.xyz;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.StructureFormat;
import java.util.Objects;

/**
 * Reads XYZ and extended XYZ files, every frame of them. One reader understands both: each
 * frame's comment line decides. A frame whose comment line has {@code Lattice="ax ay az bx by bz
 * cx cy cz"} becomes a periodic {@link dev.orion.structure.Structure} (Cartesian positions
 * converted to fractional coordinates); any other frame becomes a
 * {@link dev.orion.structure.Molecule}.
 *
 * <p>Extended XYZ comment lines: {@code Properties=species:S:1:pos:R:3:forces:R:3:...} names the
 * atom columns (types S string, R real, I integer, L logical); every column other than the
 * species and positions becomes a site property (one value, or a list for several columns).
 * {@code pbc="T T F"} becomes the property {@code "pbc"} (three booleans); other {@code key=value}
 * pairs become structure properties, typed as ASE types them (integers, reals, {@code T}/{@code F},
 * lists of those, else strings). A comment line that is not {@code key=value} pairs is kept as the
 * property {@code "comment"}. The element column may hold a symbol (any case), a symbol with a
 * charge ({@code Fe2+}) or an atomic number; without a species column a {@code Z:I:1} column gives
 * the elements.
 *
 * <p>The instance registered for {@link StructureFormat#EXTXYZ} is the same reader, reporting the
 * other format. Stateless and thread-safe.
 */
public final class XyzReader implements StructureReader {

    private final StructureFormat format;

    /** A reader registered as {@link StructureFormat#XYZ}. */
    public XyzReader() {
        this(StructureFormat.XYZ);
    }

    /**
     * @param format {@link StructureFormat#XYZ} or {@link StructureFormat#EXTXYZ}; both read the same
     * @throws IllegalArgumentException for any other format
     */
    public XyzReader(StructureFormat format) {
        this.format = XyzWriter.requireXyz(format);
    }

    @Override
    public StructureFormat format() {
        return format;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        return new XyzParser(text, options).parse();
    }
}
