package dev.orion.bench.io;

import dev.orion.io.BulkReadResult;
import dev.orion.io.BulkReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Bulk reading of a folder of CIFs: ORION's {@link BulkReader} on all cores (and on one thread) against
 * python3-gemmi reading the same files one after the other in one process
 * ({@code gemmi.read_small_structure(f).get_all_unit_cell_sites()}, the same work: parse and fill the cell),
 * in one run, printing files per second and the ratio.
 *
 * <pre>
 * scripts/bench dev.orion.bench.io.BulkReadVsGemmi [CIF_FOLDER] [FILES] [SECONDS]
 * </pre>
 *
 * <p>The folder's CIFs are copied round-robin into a temporary folder of {@code FILES} files (default 3,000), so
 * the collection is as large as a real download while every file stays a real CIF. Each side reads the whole
 * folder repeatedly for {@code SECONDS} (default 10), ORION after a warm-up of as long.
 */
public final class BulkReadVsGemmi {

    private BulkReadVsGemmi() {
    }

    /**
     * @param args optional CIF folder (default {@code testdata/structures/cif}), file count and seconds per side
     * @throws Exception if the files or gemmi cannot be run
     */
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : "testdata/structures/cif");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        Path folder = Files.createTempDirectory("orion-bulk-cifs");
        try {
            List<Path> files = copies(source, folder, count);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%d CIF files (copies of %s) in %s, %d cores%n", files.size(), source, folder, cores);
            BulkReader allCores = BulkReader.builder().build();
            BulkReader oneThread = BulkReader.builder().threads(1).build();
            // warm up the JIT for as long as a measurement: one read of the folder leaves it half done
            measure(allCores, oneThread, folder, seconds, files.size());
            // the two are measured in alternate reads, so that a change in the machine's load hits both alike
            double[] rates = measure(allCores, oneThread, folder, seconds, files.size());
            double all = rates[0];
            double one = rates[1];
            System.out.printf(Locale.ROOT, "ORION  all cores files_per_second=%.1f%n", all);
            System.out.printf(Locale.ROOT, "ORION  one thread files_per_second=%.1f%n", one);
            double gemmi = gemmi(files, seconds);
            System.out.printf(Locale.ROOT, "gemmi  one process files_per_second=%.1f%n", gemmi);
            System.out.printf(Locale.ROOT, "ratio ORION all cores / gemmi = %.2f%n", all / gemmi);
            System.out.printf(Locale.ROOT, "ratio ORION one thread / gemmi = %.2f%n", one / gemmi);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** @return files per second of each reader, over alternate whole-folder reads for about 2 x seconds */
    private static double[] measure(BulkReader first, BulkReader second, Path folder, double seconds, int expected) {
        long[] files = new long[2];
        long[] nanos = new long[2];
        long[] cpu = new long[2];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long end = System.nanoTime() + (long) (2 * seconds * 1e9);
        do {
            for (int k = 0; k < 2; k++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                BulkReadResult r = (k == 0 ? first : second).read(folder);
                nanos[k] += System.nanoTime() - start;
                cpu[k] += os.getProcessCpuTime() - cpuStart;
                check(r, expected);
                files[k] += r.attempted();
            }
        } while (System.nanoTime() < end);
        System.out.printf(Locale.ROOT, "(process CPU per file: %.1f µs all cores, %.1f µs one thread)%n",
                cpu[0] / 1e3 / files[0], cpu[1] / 1e3 / files[1]);
        return new double[] {files[0] / (nanos[0] / 1e9), files[1] / (nanos[1] / 1e9)};
    }

    private static void check(BulkReadResult r, int expected) {
        if (r.files().size() != expected || !r.failures().isEmpty()) {
            throw new IllegalStateException("expected " + expected + " files read, got " + r.summary() + " "
                    + r.failures().stream().limit(3).toList());
        }
    }

    private static List<Path> copies(Path source, Path folder, int count) throws IOException {
        List<Path> cifs;
        try (Stream<Path> walk = Files.walk(source)) {
            cifs = walk.filter(p -> p.toString().endsWith(".cif")).sorted().toList();
        }
        if (cifs.isEmpty()) {
            throw new IllegalArgumentException("no .cif files under " + source.toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path from = cifs.get(i % cifs.size());
            files.add(Files.copy(from, folder.resolve(String.format(Locale.ROOT, "%05d-%s", i, from.getFileName()))));
        }
        return files;
    }

    /** @return gemmi's files per second, reading the files in one process */
    private static double gemmi(List<Path> files, double seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("gemmi_cif_throughput", ".py");
        try (InputStream in = BulkReadVsGemmi.class.getResourceAsStream("gemmi_cif_throughput.py")) {
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), Double.toString(seconds)));
            files.forEach(f -> command.add(f.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0 || !out.contains("files_per_second=")) {
                throw new IllegalStateException("gemmi run failed (exit " + code + "): " + out
                        + "\ninstall it with: apt-get install python3-gemmi");
            }
            for (String word : out.strip().split("\\s+")) {
                if (word.startsWith("files_per_second=")) {
                    return Double.parseDouble(word.substring("files_per_second=".length()));
                }
            }
            throw new IllegalStateException("no files_per_second in gemmi's output: " + out);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
