package dev.orion.engines.phasefield;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a loop over {@code count} independent items (grid lines, planes, points) on a fixed number of
 * threads: the items are cut into {@code parts} contiguous ranges that depend only on the count and
 * the thread count, the calling thread runs the first. Each item is computed by the same code
 * whichever thread runs it, so results do not depend on the thread count; sums are left to the
 * caller, in a fixed order. An interrupt while waiting is kept (the flag is set again) after the
 * running ranges finish, so no field is left half-written.
 */
final class LinePartition implements AutoCloseable {

    /** The body of a loop over the items {@code from} (inclusive) to {@code to} (exclusive), run as part {@code part}. */
    @FunctionalInterface
    interface Range {
        void run(int part, int from, int to);
    }

    private final int threads;
    private final ExecutorService workers;

    LinePartition(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "orion-phase-field");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return how many parts (and so per-part buffers) a loop may use */
    int threads() {
        return threads;
    }

    void run(int count, Range body) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            body.run(0, 0, count);
            return;
        }
        List<Future<?>> running = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int p = part;
            running.add(workers.submit(() -> body.run(p, from(p, parts, count), from(p + 1, parts, count))));
        }
        RuntimeException failure = null;
        try {
            body.run(0, 0, from(1, parts, count));
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int from(int part, int parts, int count) {
        return (int) ((long) count * part / parts);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
