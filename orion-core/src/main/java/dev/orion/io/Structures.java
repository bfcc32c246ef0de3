package dev.orion.io;

import dev.orion.io.internal.SourceText;

import dev.orion.StructureParseException;
import dev.orion.io.cif.CifReader;
import dev.orion.io.cif.CifWriter;
import dev.orion.io.espresso.PwscfReader;
import dev.orion.io.espresso.PwscfWriter;
import dev.orion.io.json.JsonStructureReader;
import dev.orion.io.json.JsonStructureWriter;
import dev.orion.io.lammps.LammpsDataReader;
import dev.orion.io.lammps.LammpsDataWriter;
import dev.orion.io.vasp.PoscarReader;
import dev.orion.io.vasp.PoscarWriter;
import dev.orion.io.xyz.XyzReader;
import dev.orion.io.xyz.XyzWriter;
import dev.orion.progress.ProgressListener;
import dev.orion.structure.Molecule;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point for structure files: read any supported format into {@link Structure}, write a
 * structure in any of them.
 *
 * <pre>{@code
 * Structure cu = Structures.read(Path.of("Cu.cif"));
 * Structure si = Structures.read(MyApp.class.getResourceAsStream("Si.poscar"), "Si.poscar");   // a classpath resource
 * String poscar = Structures.write(cu, StructureFormat.POSCAR);
 * ReadResult all = Structures.readAll(Path.of("several-blocks.cif"));   // every block, plus warnings
 * }</pre>
 *
 * <p>The format is taken from the file name when it says ({@code .cif}, {@code POSCAR*},
 * {@code .xyz}, ...) and otherwise detected from the content. Every failure to read is a
 * {@link StructureParseException} naming the file, line, column and what was expected.
 */
public final class Structures {

    private static final Map<StructureFormat, StructureReader> READERS = new EnumMap<>(StructureFormat.class);
    private static final Map<StructureFormat, StructureWriter> WRITERS = new EnumMap<>(StructureFormat.class);

    static {
        // One line per format; each format's reader and writer live in their own sub-package.
        register(new CifReader(), new CifWriter());
        register(new PoscarReader(), new PoscarWriter());
        register(new XyzReader(StructureFormat.XYZ), new XyzWriter(StructureFormat.XYZ));
        register(new XyzReader(StructureFormat.EXTXYZ), new XyzWriter(StructureFormat.EXTXYZ));
        register(new LammpsDataReader(), new LammpsDataWriter());
        register(new PwscfReader(), new PwscfWriter());
        register(new JsonStructureReader(), new JsonStructureWriter());
    }

    private Structures() {
    }

    private static void register(StructureReader reader, StructureWriter writer) {
        READERS.put(reader.format(), reader);
        WRITERS.put(writer.format(), writer);
    }

    /**
     * Reads the first structure of a file, with the default {@link ReadOptions}.
     *
     * @param path the file
     * @return its first periodic structure
     * @throws StructureParseException if the file cannot be read as a structure
     */
    public static Structure read(Path path) {
        return read(path, ReadOptions.defaults());
    }

    /**
     * Reads the first structure of a file.
     *
     * @param path    the file
     * @param options tolerances and limits
     * @return its first periodic structure
     * @throws StructureParseException if the file cannot be read as a structure
     */
    public static Structure read(Path path, ReadOptions options) {
        return first(readAll(path, options), path.toString());
    }

    /**
     * Reads the first structure of a text in a known format.
     *
     * @param text   the text
     * @param format its format
     * @return its first periodic structure
     * @throws StructureParseException if the text cannot be read as a structure
     */
    public static Structure read(String text, StructureFormat format) {
        return first(readAll(SourceText.of(text), format, ReadOptions.defaults()), SourceText.UNNAMED);
    }

    /**
     * Reads the first structure of a text whose file name is known, in the format the name implies
     * ({@code .cif}, {@code POSCAR*}, ...) or else the one detected from the content.
     *
     * @param text     the text
     * @param fileName the name of the file it came from (no folder needed); errors name it
     * @return its first periodic structure
     * @throws StructureParseException if the text cannot be read as a structure
     */
    public static Structure read(String text, String fileName) {
        return first(readAll(text, fileName), fileName);
    }

    /**
     * Reads the first structure from a stream, such as a classpath resource, in one call. The bytes
     * are decoded as a file's are (UTF-8, else Latin-1) and the format is taken as by
     * {@link #read(String, String)}. The stream is read to its end and closed.
     *
     * <pre>{@code
     * Structure cu = Structures.read(MyApp.class.getResourceAsStream("Cu.cif"), "Cu.cif");
     * }</pre>
     *
     * @param in       the stream; {@code getResourceAsStream}'s {@code null} for a missing resource
     *                 is refused with the file name
     * @param fileName the name of the file or resource; errors name it
     * @return its first periodic structure
     * @throws IllegalArgumentException if {@code in} is null (a resource that was not found)
     * @throws StructureParseException  if the stream cannot be read, or not as a structure
     */
    public static Structure read(InputStream in, String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (in == null) {
            throw new IllegalArgumentException("in is null for '" + fileName
                    + "': getResourceAsStream returns null when the resource does not exist");
        }
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new StructureParseException(fileName, 0, 0, "cannot read the stream: " + e);
        }
        return read(decode(bytes), fileName);
    }

    /**
     * Reads every structure and molecule of a text whose file name is known, in the format the name
     * implies or else the one detected from the content.
     *
     * @param text     the text
     * @param fileName the name of the file it came from; errors name it
     * @return what the text holds
     * @throws StructureParseException if the text cannot be read
     */
    public static ReadResult readAll(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        return readAll(SourceText.of(fileName, text), detectFormat(fileName, text), ReadOptions.defaults());
    }

    /**
     * Reads every structure and molecule of a file, with the warnings collected on the way.
     *
     * @param path the file
     * @return what the file holds
     * @throws StructureParseException if the file cannot be read
     */
    public static ReadResult readAll(Path path) {
        return readAll(path, ReadOptions.defaults());
    }

    /**
     * Reads every structure and molecule of a file.
     *
     * @param path    the file
     * @param options tolerances and limits
     * @return what the file holds
     * @throws StructureParseException if the file cannot be read (also when it cannot be opened)
     */
    public static ReadResult readAll(Path path, ReadOptions options) {
        Objects.requireNonNull(path, "path");
        SourceText text = SourceText.of(path, readText(path));
        return readAll(text, detectFormat(text.name(), text.text()), options);
    }

    /**
     * Reads every structure file of a folder (recursively) or of a {@code .zip}, {@code .tar.gz} or {@code .tgz}
     * archive, in parallel on all cores; a file that cannot be read is listed in the result and never stops the
     * others. Files whose names are not those of structure files ({@code README.md}, ...) are skipped. For the
     * number of threads or read options, use {@link BulkReader}.
     *
     * <pre>{@code
     * BulkReadResult all = Structures.readAll(Path.of("cifs.tar.gz"), p -> bar.stepTo(p.done()));
     * log.info(all.summary());   // 607 files: 607 read (607 structures, 323 warnings), 0 failed, ...
     * }</pre>
     *
     * @param source   a folder, an archive, or a single structure file
     * @param progress hears how many files have been read (or failed) of how many
     * @return every file's structures, every failure, and the counts
     * @throws java.io.UncheckedIOException if the folder cannot be listed or the archive cannot be opened
     */
    public static BulkReadResult readAll(Path source, ProgressListener progress) {
        return BulkReader.builder().progress(progress).build().read(source);
    }

    /** Reads every structure and molecule of a file's bytes, named {@code name} (for archive entries). */
    static ReadResult readAll(byte[] bytes, String name, ReadOptions options) {
        String text = decode(bytes);
        return readAll(SourceText.of(name, text), detectFormat(name, text), options);
    }

    /**
     * Reads every structure and molecule of a text in a known format.
     *
     * @param text    the input and its name
     * @param format  its format
     * @param options tolerances and limits
     * @return what the text holds
     * @throws StructureParseException if the text is not valid in that format
     */
    public static ReadResult readAll(SourceText text, StructureFormat format, ReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        StructureReader reader = READERS.get(format);
        if (reader == null) {
            throw new IllegalArgumentException("no reader is registered for " + format);
        }
        return reader.read(text, options);
    }

    /**
     * Reads the first molecule of a file (an XYZ file without a lattice).
     *
     * @param path the file
     * @return its first molecule
     * @throws StructureParseException if the file holds no molecule
     */
    public static Molecule readMolecule(Path path) {
        ReadResult result = readAll(path);
        if (result.molecules().isEmpty()) {
            throw new StructureParseException(path.toString(), 0, 0,
                    "expected a molecule (a structure without a lattice), found "
                            + result.structures().size() + " periodic structure(s); use Structures.read");
        }
        return result.molecules().get(0);
    }

    /**
     * Writes a structure in a format.
     *
     * @param structure the structure
     * @param format    the format
     * @return the file's text
     * @throws IllegalArgumentException if the format cannot express the structure
     */
    public static String write(Structure structure, StructureFormat format) {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(format, "format");
        StructureWriter writer = WRITERS.get(format);
        if (writer == null) {
            throw new IllegalArgumentException("no writer is registered for " + format);
        }
        return writer.write(structure);
    }

    /**
     * Writes a structure to a file, in the format its name implies.
     *
     * @param structure the structure
     * @param path      the file; its name must imply a format ({@code .cif}, {@code POSCAR}, ...)
     * @throws IllegalArgumentException if the name implies no format
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void write(Structure structure, Path path) {
        Path name = path.getFileName();
        StructureFormat format = StructureFormat.fromFileName(name == null ? "" : name.toString())
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot tell a structure format from the file name '" + path
                                + "'; use write(structure, path, format)"));
        write(structure, path, format);
    }

    /**
     * Writes a structure to a file in a given format.
     *
     * @param structure the structure
     * @param path      the file
     * @param format    the format
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Structure structure, Path path, StructureFormat format) {
        String text = write(structure, format);
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * Tells the format of an input: from the file name when it is unambiguous, else from the
     * content.
     *
     * @param fileName the file name ({@code ""} if unknown)
     * @param text     the content
     * @return the format
     */
    public static StructureFormat detectFormat(String fileName, String text) {
        Optional<StructureFormat> byName = StructureFormat.fromFileName(fileName);
        return byName.orElseGet(() -> FormatDetector.fromContent(text));
    }

    private static Structure first(ReadResult result, String source) {
        if (result.structures().isEmpty()) {
            throw new StructureParseException(source, 0, 0, result.molecules().isEmpty()
                    ? "expected a structure, found none"
                    : "expected a periodic structure, found only molecules (no lattice); use Structures.readMolecule");
        }
        return result.structures().get(0);
    }

    private static String readText(Path path) {
        try {
            return decode(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new StructureParseException(path.toString(), 0, 0, "cannot read the file: " + e
                    + (Files.isDirectory(path) ? " (for a folder use Structures.readAll(folder, progress))" : ""));
        }
    }

    private static String decode(byte[] bytes) {
        // The common case (ASCII or valid UTF-8) decodes in one intrinsic pass; only text that
        // came out with replacement characters needs the strict decoder to tell bad input from a
        // U+FFFD the file really holds.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Older CIFs are often Latin-1; every byte sequence is valid Latin-1.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
