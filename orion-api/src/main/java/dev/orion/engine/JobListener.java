package dev.orion.engine;

/**
 * Receives {@link JobEvent}s, each after the state change it reports has been stored; called on the
 * job service's threads, so it must return quickly.
 */
@FunctionalInterface
public interface JobListener {

    /** @param event what happened */
    void onEvent(JobEvent event);
}
