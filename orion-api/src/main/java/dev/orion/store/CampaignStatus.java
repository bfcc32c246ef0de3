package dev.orion.store;

/** The lifecycle state of a stored design campaign. */
public enum CampaignStatus {
    /** Created, not started. */
    CREATED,
    /** Iterating. */
    RUNNING,
    /** Stopped by a user; can resume. */
    PAUSED,
    /** Reached its stopping criterion. */
    COMPLETED,
    /** Stopped by an error. */
    FAILED
}
