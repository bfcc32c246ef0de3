package dev.orion.progress;

/**
 * Hears the progress of long work. Called on the thread doing the work, or on one of several worker threads
 * (never concurrently for one piece of work: the reporter serialises its calls), so it must return quickly;
 * the first call has {@code done == 0} and the last {@code done == total}.
 *
 * <pre>{@code
 * BulkReadResult r = BulkReader.builder().progress(p -> log.info("{}/{} {}", p.done(), p.total(), p.label()))
 *         .build().read(Path.of("cifs"));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /** @param progress how far the work has come */
    void progressed(Progress progress);

    /** @return a listener that ignores progress */
    static ProgressListener none() {
        return p -> { };
    }
}
