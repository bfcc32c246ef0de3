package dev.orion.io;

import dev.orion.structure.Structure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link BulkReader} read from a folder or an archive: every file read, every file that failed with its
 * error, how many files were skipped for not being structure files, and how long it took on how many threads.
 *
 * @param files    the files read, by name relative to the source, in name order
 * @param failures the files that could not be read, in name order
 * @param skipped  files whose names are not those of structure files
 * @param elapsed  wall-clock time of the whole read
 * @param threads  the number of threads that parsed
 */
public record BulkReadResult(List<FileResult> files, List<Failure> failures, int skipped, Duration elapsed, int threads) {

    /**
     * One file that was read.
     *
     * @param file   its path relative to the folder, or its name in the archive
     * @param result what it held
     */
    public record FileResult(String file, ReadResult result) {

        /** Validates. */
        public FileResult {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * One file that could not be read.
     *
     * @param file    its path relative to the folder, or its name in the archive
     * @param message why (for a parse error: file, line, column and what was expected)
     */
    public record Failure(String file, String message) {

        /** Validates. */
        public Failure {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Validates and copies. */
    public BulkReadResult {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
        if (skipped < 0 || threads < 1) {
            throw new IllegalArgumentException("skipped must be >= 0 and threads >= 1, got " + skipped + " and " + threads);
        }
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return every periodic structure read, in file order */
    public List<Structure> structures() {
        return files.stream().flatMap(f -> f.result().structures().stream()).toList();
    }

    /** @return the number of structure files tried: read plus failed */
    public int attempted() {
        return files.size() + failures.size();
    }

    /** @return structure files tried per second of wall-clock time */
    public double filesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? attempted() / seconds : 0;
    }

    /**
     * @return one line, e.g. {@code "607 files: 607 read (607 structures, 323 warnings), 0 failed, 14 skipped in
     *         0.66 s on 2 threads (924 files/s)"}
     */
    public String summary() {
        long structures = files.stream().mapToLong(f -> f.result().structures().size()).sum();
        long warnings = files.stream().mapToLong(f -> f.result().warnings().size()).sum();
        return String.format(Locale.ROOT, "%d files: %d read (%d structures, %d warnings), %d failed, %d skipped in %.2f s"
                        + " on %d threads (%.0f files/s)", attempted(), files.size(), structures, warnings, failures.size(),
                skipped, elapsed.toNanos() / 1e9, threads, filesPerSecond());
    }
}
