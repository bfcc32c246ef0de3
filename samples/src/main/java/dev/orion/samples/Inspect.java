package dev.orion.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.OrionException;
import dev.orion.io.BulkReadResult;
import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.symmetry.SymmetryDataset;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line inspection of structure files: one JSON object per structure on stdout.
 *
 * <pre>
 * scripts/inspect Cu.cif POSCAR
 * scripts/inspect --symprec 1e-3 POSCAR
 * scripts/inspect --all testdata/structures          # a folder or a .zip/.tar.gz archive, in parallel
 * </pre>
 *
 * <p>Each object has {@code file}, {@code block} (the index of the structure in its file),
 * {@code formula} (element amounts in the full cell), {@code sites} (sites of the full cell; a
 * disordered site holding several species counts once), {@code atom_sites} (each species of a
 * site counted, as gemmi and Open Babel count), {@code a}, {@code b},
 * {@code c}, {@code alpha}, {@code beta}, {@code gamma}, {@code volume}, {@code spacegroup} (the
 * International Tables number, from {@code Symmetry.of} at {@code --symprec}, default 1e-5 Å),
 * {@code spacegroup_symbol} (short Hermann–Mauguin symbol), {@code warnings}; when the symmetry
 * search fails, {@code spacegroup} and {@code spacegroup_symbol} are null and
 * {@code spacegroup_error} says why. A file
 * that cannot be read gives one object with {@code file} and {@code error}. The exit code is 0
 * when every file was read, 1 otherwise.
 *
 * <p>{@code --all SOURCE} reads every structure file of a folder or archive on all cores
 * ({@code Structures.readAll(source, progress)}), with a progress bar on a terminal (plain lines on stderr
 * otherwise), prints the same objects with {@code file} relative to the source, and a summary on stderr.
 */
public final class Inspect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inspect() {
    }

    /**
     * @param args the structure files to inspect
     * @throws Exception if stdout cannot be written
     */
    public static void main(String[] args) throws Exception {
        double symprec = Symmetry.DEFAULT_SYMPREC;
        List<String> files = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--all") && i + 1 < args.length) {
                    collections.add(args[++i]);
                } else if (args[i].equals("--symprec") && i + 1 < args.length) {
                    symprec = Double.parseDouble(args[++i]);
                } else if (args[i].startsWith("--symprec=")) {
                    symprec = Double.parseDouble(args[i].substring("--symprec=".length()));
                } else {
                    files.add(args[i]);
                }
            }
        } catch (NumberFormatException e) {
            System.err.println("--symprec needs a number: " + e.getMessage());
            System.exit(2);
        }
        if (files.isEmpty() && collections.isEmpty() || !(symprec > 0)) {
            System.err.println("usage: Inspect [--symprec 1e-5] [--all FOLDER|ARCHIVE]... FILE...");
            System.exit(2);
        }
        boolean allRead = true;
        for (String source : collections) {
            for (ObjectNode line : inspectAll(Path.of(source), symprec, System.err)) {
                allRead &= !line.has("error");
                System.out.println(JSON.writeValueAsString(line));
            }
        }
        for (String arg : files) {
            for (ObjectNode line : inspect(Path.of(arg), symprec)) {
                allRead &= !line.has("error");
                System.out.println(JSON.writeValueAsString(line));
            }
        }
        System.exit(allRead ? 0 : 1);
    }

    /**
     * @param file a structure file
     * @return one JSON object per structure in it, or one object with an {@code error}
     */
    static java.util.List<ObjectNode> inspect(Path file) {
        return inspect(file, Symmetry.DEFAULT_SYMPREC);
    }

    /**
     * @param file    a structure file
     * @param symprec the distance tolerance of the space-group search, Å
     * @return one JSON object per structure in it, or one object with an {@code error}
     */
    static java.util.List<ObjectNode> inspect(Path file, double symprec) {
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        try {
            ReadResult result = Structures.readAll(file);
            out.addAll(describe(file.toString(), result, symprec));
            if (out.isEmpty()) {
                out.add(error(file.toString(), "no periodic structure in the file"));
            }
        } catch (OrionException | IllegalArgumentException e) {
            out.clear();
            out.add(error(file.toString(), e.getMessage()));
        }
        return out;
    }

    /**
     * @param source   a folder or a {@code .zip}/{@code .tar.gz} archive of structure files
     * @param symprec  the distance tolerance of the space-group search, Å
     * @param progress where progress lines and the summary go
     * @return one JSON object per structure read, and one with an {@code error} per file that could not be read
     */
    static List<ObjectNode> inspectAll(Path source, double symprec, PrintStream progress) {
        BulkReadResult all;
        try (ConsoleProgress bar = ConsoleProgress.create("reading " + source.getFileName(), progress)) {
            all = Structures.readAll(source, bar);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (BulkReadResult.FileResult f : all.files()) {
            out.addAll(describe(f.file(), f.result(), symprec));
        }
        all.failures().forEach(f -> out.add(error(f.file(), f.message())));
        progress.println(all.summary());
        return out;
    }

    private static List<ObjectNode> describe(String file, ReadResult result, double symprec) {
        List<ObjectNode> out = new ArrayList<>();
        int index = 0;
        for (Structure s : result.structures()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("file", file);
            o.put("block", index++);
            ObjectNode formula = o.putObject("formula");
            for (Element e : s.composition().elements()) {
                formula.put(e.symbol(), s.composition().amount(e));
            }
            o.put("sites", s.size());
            // gemmi and Open Babel count each species of a mixed site as its own atom site
            o.put("atom_sites", s.sites().stream().mapToInt(site -> site.species().size()).sum());
            Lattice l = s.lattice();
            o.put("a", l.a());
            o.put("b", l.b());
            o.put("c", l.c());
            o.put("alpha", l.alpha());
            o.put("beta", l.beta());
            o.put("gamma", l.gamma());
            o.put("volume", l.volume());
            try {
                SymmetryDataset d = Symmetry.of(s, symprec);
                o.put("spacegroup", d.spaceGroupNumber());
                o.put("spacegroup_symbol", d.spaceGroupSymbol());
            } catch (OrionException e) {
                o.putNull("spacegroup");
                o.putNull("spacegroup_symbol");
                o.put("spacegroup_error", e.getMessage());
            }
            var warnings = o.putArray("warnings");
            result.warnings().forEach(w -> warnings.add(w.toString()));
            out.add(o);
        }
        return out;
    }

    private static ObjectNode error(String file, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file);
        o.put("error", message);
        return o;
    }
}
