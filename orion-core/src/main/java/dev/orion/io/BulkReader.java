package dev.orion.io;

import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import dev.orion.structure.StructureFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a large collection of structure files (a folder, recursively, or a {@code .zip}, {@code .tar.gz} or
 * {@code .tgz} archive) in parallel: each file is parsed on one of {@link Builder#threads(int)} threads, a file
 * that cannot be read becomes a {@link BulkReadResult.Failure} and never stops the others, and progress is
 * reported as files finish (a worker never waits for another's report, so a count may be skipped; counts only
 * grow, the first report is {@code 0} and the last is the total). Only files whose names are those of structure files
 * ({@link StructureFormat#fromFileName}) are read; the rest are counted as skipped. A file or entry over
 * {@value #MAX_FILE_BYTES} bytes is a failure. Built once, a reader may be used for any number of reads.
 *
 * <pre>{@code
 * BulkReadResult r = BulkReader.builder().threads(8).progress(listener).build().read(Path.of("cod-subset"));
 * r.failures().forEach(f -> log.warn("{}: {}", f.file(), f.message()));
 * }</pre>
 */
public final class BulkReader {

    /** The largest file or archive entry read, in bytes. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BulkReader.class);

    private final int threads;
    private final ReadOptions options;
    private final ProgressListener progress;

    private BulkReader(Builder b) {
        this.threads = b.threads;
        this.options = b.options;
        this.progress = b.progress;
    }

    /** @return a builder: all cores, default read options, no progress */
    public static Builder builder() {
        return new Builder();
    }

    /** One file to parse: its name and a way to read it. */
    private interface Source {
        ReadResult read() throws IOException;
    }

    private record Task(String name, Source source) {
    }

    /**
     * @param source a folder, a {@code .zip}, {@code .tar.gz} or {@code .tgz} archive, or one structure file
     * @return what was read and what failed
     * @throws UncheckedIOException if the folder cannot be listed or the archive cannot be opened or is corrupt
     * @throws IllegalArgumentException if {@code source} does not exist
     */
    public BulkReadResult read(Path source) {
        Objects.requireNonNull(source, "source");
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("source does not exist: " + source);
        }
        long start = System.nanoTime();
        String lower = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        Run run = new Run();
        try {
            if (Files.isDirectory(source)) {
                run.folder(source);
            } else if (lower.endsWith(".zip")) {
                run.zip(source);
            } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
                run.tar(source);
            } else {
                run.all(List.of(new Task(source.getFileName().toString(), () -> Structures.readAll(source, options))), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the structure files of " + source, e);
        }
        List<BulkReadResult.FileResult> files = new ArrayList<>(run.read);
        files.sort(Comparator.comparing(BulkReadResult.FileResult::file));
        List<BulkReadResult.Failure> failures = new ArrayList<>(run.failed);
        failures.sort(Comparator.comparing(BulkReadResult.Failure::file));
        BulkReadResult result = new BulkReadResult(files, failures, run.skipped, Duration.ofNanos(System.nanoTime() - start),
                threads);
        LOG.debug("read {}: {}", source, result.summary());
        return result;
    }

    private static boolean isStructureFile(String name) {
        return StructureFormat.fromFileName(name).isPresent();
    }

    private static byte[] bytes(InputStream in, String name) throws IOException {
        byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
        if (b.length > MAX_FILE_BYTES) {
            throw new IOException(name + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return b;
    }

    /** The state of one call of {@link #read}. */
    private final class Run {
        final ConcurrentLinkedQueue<BulkReadResult.FileResult> read = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<BulkReadResult.Failure> failed = new ConcurrentLinkedQueue<>();
        final ReentrantLock reporting = new ReentrantLock();
        final AtomicLong done = new AtomicLong();
        int skipped;
        long total;
        long reported = -1;

        void folder(Path dir) throws IOException {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir)) {
                paths = walk.filter(Files::isRegularFile).sorted().toList();
            }
            List<Task> tasks = new ArrayList<>();
            for (Path p : paths) {
                if (isStructureFile(p.getFileName().toString())) {
                    tasks.add(new Task(dir.relativize(p).toString().replace('\\', '/'), () -> {
                        if (Files.size(p) > MAX_FILE_BYTES) {
                            throw new IOException(p + " is larger than " + MAX_FILE_BYTES + " bytes");
                        }
                        return Structures.readAll(p, options);
                    }));
                }
            }
            all(tasks, paths.size() - tasks.size());
        }

        void zip(Path archive) throws IOException {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                List<Task> tasks = new ArrayList<>();
                int others = 0;
                for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                    if (isStructureFile(e.getName())) {
                        tasks.add(new Task(e.getName(), () -> {
                            try (InputStream in = zip.getInputStream(e)) {
                                return Structures.readAll(bytes(in, e.getName()), e.getName(), options);
                            }
                        }));
                    } else {
                        others++;
                    }
                }
                all(tasks, others);
            }
        }

        void tar(Path archive) throws IOException {
            // a first pass counts the entries, so that progress has a total; the second parses as it streams
            int files = 0;
            int others = 0;
            try (TarArchiveInputStream tar = openTar(archive)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    if (e.isFile()) {
                        if (isStructureFile(e.getName())) {
                            files++;
                        } else {
                            others++;
                        }
                    }
                }
            }
            start(files, others);
            ExecutorService pool = pool();
            Semaphore inFlight = new Semaphore(4 * threads);
            List<Future<?>> futures = new ArrayList<>();
            try (TarArchiveInputStream tar = openTar(archive)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    if (e.isFile() && isStructureFile(e.getName())) {
                        String name = e.getName();
                        Task task;
                        try {
                            byte[] b = bytes(tar, name);
                            task = new Task(name, () -> Structures.readAll(b, name, options));
                        } catch (IOException tooLarge) {
                            task = new Task(name, () -> {
                                throw tooLarge;
                            });
                        }
                        inFlight.acquireUninterruptibly();
                        Task t = task;
                        futures.add(pool.submit(() -> {
                            try {
                                parse(t);
                            } finally {
                                inFlight.release();
                            }
                        }));
                    }
                }
            } finally {
                finish(pool, futures);
            }
        }

        private TarArchiveInputStream openTar(Path archive) throws IOException {
            return new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive))));
        }

        void all(List<Task> tasks, int others) {
            start(tasks.size(), others);
            ExecutorService pool = pool();
            List<Future<?>> futures = new ArrayList<>();
            // each worker takes the next file itself: no hand-off per file through a queue, whose lock two
            // workers would contend for (on a loaded machine every parked thread waits to be scheduled again)
            AtomicInteger next = new AtomicInteger();
            try {
                for (int w = 0; w < Math.min(threads, tasks.size()); w++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                            parse(tasks.get(i));
                        }
                    }));
                }
            } finally {
                finish(pool, futures);
            }
        }

        private void start(int files, int others) {
            total = files;
            skipped = others;
            reporting.lock();
            try {
                report();
            } finally {
                reporting.unlock();
            }
        }

        private void parse(Task t) {
            try {
                read.add(new BulkReadResult.FileResult(t.name(), t.source().read()));
            } catch (IOException | RuntimeException e) {
                // a bad file is listed, never thrown: the rest of the collection must still be read
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failed.add(new BulkReadResult.Failure(t.name(), message));
            }
            done.incrementAndGet();
            // a worker that finds another one reporting goes on reading: that report, or a later one, or the last
            // one that finish() makes, covers this file
            if (reporting.tryLock()) {
                try {
                    report();
                } finally {
                    reporting.unlock();
                }
            }
        }

        /** Reports the count now, unless it was reported already; callers hold {@link #reporting}. */
        private void report() {
            long n = done.get();
            if (n != reported) {
                reported = n;
                progress.progressed(new Progress(n, total, "reading structures: " + failed.size() + " failed"));
            }
        }

        private ExecutorService pool() {
            AtomicInteger n = new AtomicInteger();
            return Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "orion-bulk-read-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        private void finish(ExecutorService pool, List<Future<?>> futures) {
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading structure files", e);
            } catch (ExecutionException e) {
                // only a progress listener can throw here: parse() keeps every reading error
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
            reporting.lock();
            try {
                report();
            } finally {
                reporting.unlock();
            }
        }
    }

    /** Configures a {@link BulkReader}. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private ReadOptions options = ReadOptions.defaults();
        private ProgressListener progress = ProgressListener.none();

        private Builder() {
        }

        /**
         * @param n how many files to parse at once (&gt;= 1; default: the available processors)
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + n);
            }
            threads = n;
            return this;
        }

        /** @param o tolerances and limits for every file  @return this builder */
        public Builder options(ReadOptions o) {
            options = Objects.requireNonNull(o, "options");
            return this;
        }

        /**
         * @param listener hears {@code (files done, files in all, "reading structures: n failed")} as files finish,
         *                 one call at a time
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the reader */
        public BulkReader build() {
            return new BulkReader(this);
        }
    }
}
