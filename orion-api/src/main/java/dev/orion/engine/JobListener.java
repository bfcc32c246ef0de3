package dev.orion.engine;

/** Receives {@link JobEvent}s; called on the job service's threads, so it must return quickly. */
@FunctionalInterface
public interface JobListener {

    /** @param event what happened */
    void onEvent(JobEvent event);
}
