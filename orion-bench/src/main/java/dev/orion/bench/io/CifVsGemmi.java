package dev.orion.bench.io;

import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
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
 * Side-by-side throughput of CIF reading plus symmetry expansion: ORION (warm JVM) against
 * python3-gemmi ({@code gemmi.read_small_structure(f).get_all_unit_cell_sites()}) on the same
 * files, in one run, printing the ratio.
 *
 * <pre>
 * scripts/bench dev.orion.bench.io.CifVsGemmi [CIF_FOLDER] [SECONDS]
 * </pre>
 *
 * <p>Needs {@code /usr/bin/python3} with gemmi ({@code apt-get install python3-gemmi}).
 */
public final class CifVsGemmi {

    private CifVsGemmi() {
    }

    /**
     * @param args optional CIF folder (default {@code ../shared/data/structures/cif}) and seconds per side
     * @throws Exception if the files or gemmi cannot be run
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/structures/cif");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<Path> files = cifFiles(folder);
        System.out.printf(Locale.ROOT, "%d CIF files under %s%n", files.size(), folder);

        long sites = 0;
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            sites += onePass(files);
        }
        int passes = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            sites += onePass(files);
            passes++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        double orion = passes * files.size() / elapsed;
        System.out.printf(Locale.ROOT, "ORION  files_per_second=%.3f passes=%d (sites seen %d)%n", orion, passes, sites);

        double gemmi = runGemmi(files, seconds);
        System.out.printf(Locale.ROOT, "gemmi  files_per_second=%.3f%n", gemmi);
        System.out.printf(Locale.ROOT, "ratio ORION/gemmi = %.2f%n", orion / gemmi);
    }

    private static long onePass(List<Path> files) {
        long sites = 0;
        for (Path f : files) {
            ReadResult r = Structures.readAll(f);
            sites += r.structures().isEmpty() ? 0 : r.structures().get(0).size();
        }
        return sites;
    }

    private static List<Path> cifFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".cif")).sorted().toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no .cif files under " + folder.toAbsolutePath());
            }
            return files;
        }
    }

    private static double runGemmi(List<Path> files, double seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("gemmi_cif_throughput", ".py");
        try (InputStream in = CifVsGemmi.class.getResourceAsStream("gemmi_cif_throughput.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), Double.toString(seconds)));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.deleteIfExists(script);
        if (code != 0 || !out.contains("files_per_second=")) {
            throw new IllegalStateException("gemmi run failed (exit " + code + "): " + out
                    + "\ninstall it with: apt-get install python3-gemmi");
        }
        String value = out.substring(out.indexOf("files_per_second=") + 17).split("\\s")[0];
        return Double.parseDouble(value);
    }
}
