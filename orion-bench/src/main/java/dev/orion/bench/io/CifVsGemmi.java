package dev.orion.bench.io;

import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <p>Both rates are also given per second of CPU time (ORION's benchmark thread, gemmi's
 * process), which a loaded machine disturbs far less than wall-clock time.
 *
 * <p>Needs {@code /usr/bin/python3} with gemmi ({@code apt-get install python3-gemmi}).
 */
public final class CifVsGemmi {

    private CifVsGemmi() {
    }

    /**
     * @param args optional CIF folder (default {@code testdata/structures/cif}) and seconds per side
     * @throws Exception if the files or gemmi cannot be run
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "testdata/structures/cif");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<Path> files = cifFiles(folder);
        System.out.printf(Locale.ROOT, "%d CIF files under %s%n", files.size(), folder);

        long sites = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm up for that many seconds of this thread's CPU time: on a loaded machine as many
        // wall-clock seconds can leave the JIT compilers half done.
        long warmUpEnd = threads.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        while (threads.getCurrentThreadCpuTime() < warmUpEnd) {
            sites += onePass(files);
        }
        int passes = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        double elapsed;
        do {
            sites += onePass(files);
            passes++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double orion = passes * files.size() / elapsed;
        double orionCpu = passes * files.size() / cpu;
        System.out.printf(Locale.ROOT, "ORION  files_per_second=%.3f cpu_files_per_second=%.3f passes=%d (sites seen %d)%n",
                orion, orionCpu, passes, sites);

        String gemmiOut = runGemmi(files, seconds);
        double gemmi = value(gemmiOut, "files_per_second=");
        double gemmiCpu = value(gemmiOut, "cpu_files_per_second=");
        System.out.printf(Locale.ROOT, "gemmi  files_per_second=%.3f cpu_files_per_second=%.3f%n", gemmi, gemmiCpu);
        System.out.printf(Locale.ROOT, "ratio ORION/gemmi = %.2f%n", orion / gemmi);
        // On a shared, loaded machine wall-clock rates swing with the neighbours; per second of
        // CPU time the two sides are comparable even when they ran at different moments.
        System.out.printf(Locale.ROOT, "ratio ORION/gemmi per CPU second = %.2f%n", orionCpu / gemmiCpu);
    }

    /** @return the number after {@code key} (a whole word of gemmi's output line) */
    private static double value(String out, String key) {
        for (String word : out.split("\\s+")) {
            if (word.startsWith(key)) {
                return Double.parseDouble(word.substring(key.length()));
            }
        }
        throw new IllegalStateException("no " + key + " in gemmi's output: " + out);
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

    /** @return gemmi's output line */
    private static String runGemmi(List<Path> files, double seconds) throws IOException, InterruptedException {
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
        return out.strip();
    }
}
