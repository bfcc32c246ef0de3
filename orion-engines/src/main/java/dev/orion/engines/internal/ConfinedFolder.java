package dev.orion.engines.internal;

import dev.orion.InvalidCalculationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A folder that the files a calculation names must stay inside: LAMMPS's potential folder, the
 * built-in EAM engine's, pw.x's pseudopotential folder. A calculation may come from an untrusted
 * caller (a tenant, an agent), and its file names end up in a program's input, so a name is refused
 * when it holds a control character (a newline would start a new LAMMPS command), when it leaves
 * the folder ({@code ../../etc/passwd}, an absolute path elsewhere) or when it is a symbolic link
 * that leads out of it.
 *
 * <pre>{@code
 * ConfinedFolder potentials = ConfinedFolder.of(Path.of("/usr/share/lammps/potentials"));
 * potentials.problem("potential file", Path.of("Cu_u3.eam"));          // empty: fine
 * potentials.problem("potential file", Path.of("../../etc/passwd"));   // "... is outside ..."
 * }</pre>
 */
public final class ConfinedFolder {

    private final Path root;

    private ConfinedFolder(Path root) {
        this.root = root;
    }

    /**
     * @param folder the folder, absolute or relative to the working directory
     * @return the folder, made absolute and normalised
     */
    public static ConfinedFolder of(Path folder) {
        return new ConfinedFolder(folder.toAbsolutePath().normalize());
    }

    /** @return the folder, absolute and normalised */
    public Path root() {
        return root;
    }

    /**
     * @param file a file name as a calculation gives it: relative to the folder, or absolute
     * @return the absolute, normalised path it names (unchecked: see {@link #problem})
     */
    public Path resolve(Path file) {
        return root.resolve(file).normalize();
    }

    /**
     * @param what what the file is, for the message (e.g. {@code "potential file"})
     * @param file the file name as given
     * @return why the file is refused, naming it; empty when it is inside the folder
     */
    public Optional<String> problem(String what, Path file) {
        String text = file.toString();
        Optional<String> control = controlCharacter(text);
        if (control.isPresent()) {
            return Optional.of(what + " '" + printable(text) + "' contains a control character (" + control.get()
                    + "); file names may not");
        }
        Optional<String> inRoot = controlCharacter(root.toString());
        if (inRoot.isPresent()) {
            return Optional.of("the folder '" + printable(root.toString()) + "' contains a control character ("
                    + inRoot.get() + ")");
        }
        Path resolved = resolve(file);
        if (!resolved.startsWith(root)) {
            return Optional.of(what + " '" + text + "' is outside the folder " + root);
        }
        if (Files.exists(resolved)) {
            try {
                if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                    return Optional.of(what + " '" + text + "' is a link that leads outside the folder " + root);
                }
            } catch (IOException e) {
                return Optional.of(what + " '" + text + "' cannot be resolved: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The problems of a calculation's files, for an engine's {@code validate}: each file outside the
     * folder, or inside but not readable.
     *
     * @param what  what the files are, for the messages
     * @param files the file names as given
     * @return one sentence per refused file, naming it; empty when all are fine
     */
    public List<String> problems(String what, List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            Optional<String> outside = problem(what, f);
            if (outside.isPresent()) {
                problems.add(outside.get());
            } else if (!Files.isReadable(resolve(f))) {
                problems.add(what + " " + resolve(f) + " does not exist or is not readable");
            }
        }
        return problems;
    }

    /**
     * The files of a calculation, resolved, for an engine's {@code referencedFiles} and {@code prepare}:
     * nothing outside the folder is ever hashed or handed to a program.
     *
     * @param engine the engine's name, for the exception
     * @param what   what the files are, for the messages
     * @param files  the file names as given
     * @return the absolute, normalised files
     * @throws InvalidCalculationException naming each file that is outside the folder
     */
    public List<Path> resolveAll(String engine, String what, List<Path> files) {
        List<String> problems = new ArrayList<>();
        files.forEach(f -> problem(what, f).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(engine, problems);
        }
        return files.stream().map(this::resolve).toList();
    }

    /**
     * @param text any text
     * @return the first control character in it as {@code U+000A}, if any: C0 and C1 controls, DEL and
     *         the Unicode line and paragraph separators
     */
    public static Optional<String> controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(String.format(Locale.ROOT, "U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** Control characters shown as {@code \n}-style escapes, so a message cannot forge log lines. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
