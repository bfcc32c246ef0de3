package dev.orion.bench.symmetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.analysis.symmetry.Symmetry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Side-by-side throughput of space-group analysis: ORION's {@code Symmetry.of} (warm JVM) against
 * python3-spglib's {@code get_symmetry_dataset} on the same POSCAR files and the same atom types
 * (one per count group), in one run, printing the ratio. Files are parsed before timing on both
 * sides, so only the analysis is measured.
 *
 * <pre>
 * scripts/bench dev.orion.bench.symmetry.SymmetryVsSpglib [POSCAR_FOLDER] [SECONDS] [SYMPREC]
 * </pre>
 *
 * <p>Needs {@code /usr/bin/python3} with spglib ({@code apt-get install python3-spglib}).
 */
public final class SymmetryVsSpglib {

    private SymmetryVsSpglib() {
    }

    /**
     * @param args optional POSCAR folder (default {@code testdata/structures/poscar}), seconds
     *             per side (default 10) and symprec (default 1e-5)
     * @throws Exception if the files or spglib cannot be run
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "testdata/structures/poscar");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double symprec = args.length > 2 ? Double.parseDouble(args[2]) : 1e-5;
        List<Path> files = new ArrayList<>();
        List<Structure> structures = load(folder, files);
        System.out.printf(Locale.ROOT, "%d POSCAR files under %s, symprec %s%n", files.size(), folder, symprec);

        long check = 0;
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            check += onePass(structures, symprec);
        }
        int passes = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            check += onePass(structures, symprec);
            passes++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        double orion = passes * structures.size() / elapsed;
        System.out.printf(Locale.ROOT, "ORION  files_per_second=%.1f passes=%d (checksum %d)%n", orion, passes, check);

        double spglib = runSpglib(files, seconds, symprec);
        System.out.printf(Locale.ROOT, "spglib files_per_second=%.1f%n", spglib);
        System.out.printf(Locale.ROOT, "ratio ORION/spglib = %.2f%n", orion / spglib);
    }

    private static long onePass(List<Structure> structures, double symprec) {
        long sum = 0;
        for (Structure s : structures) {
            sum += Symmetry.of(s, symprec).spaceGroupNumber();
        }
        return sum;
    }

    /** Reads every file listed in the corpus's expected.jsonl, one atom type per count group. */
    private static List<Structure> load(Path folder, List<Path> files) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Structure> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode rec = json.readTree(line);
                    Path file = dir.resolve(rec.get("file").asText());
                    Structure read = Structures.read(file);
                    JsonNode counts = rec.get("type_counts");
                    StructureBuilder b = Structure.builder().lattice(read.lattice());
                    int site = 0;
                    for (int g = 0; g < counts.size(); g++) {
                        for (int k = 0; k < counts.get(g).asInt(); k++) {
                            double[] f = read.frac(site++);
                            b.addSite(Element.ofZ(1 + g), f[0], f[1], f[2]);
                        }
                    }
                    out.add(b.build());
                    files.add(file);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no expected.jsonl files under " + folder.toAbsolutePath());
        }
        return out;
    }

    private static double runSpglib(List<Path> files, double seconds, double symprec)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("spglib_throughput", ".py");
        try (InputStream in = SymmetryVsSpglib.class.getResourceAsStream("spglib_throughput.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                Double.toString(symprec), Double.toString(seconds)));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.deleteIfExists(script);
        if (code != 0 || !out.contains("files_per_second=")) {
            throw new IllegalStateException("spglib run failed (exit " + code + "): " + out
                    + "\ninstall it with: apt-get install python3-spglib");
        }
        String value = out.substring(out.indexOf("files_per_second=") + 17).split("\\s")[0];
        return Double.parseDouble(value);
    }
}
