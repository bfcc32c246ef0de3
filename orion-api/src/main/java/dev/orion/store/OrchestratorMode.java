package dev.orion.store;

/** When an orchestrator advances its campaign on its own (triggers fire in every mode). */
public enum OrchestratorMode {
    /** Only when asked, or when a trigger fires. */
    MANUAL,
    /** Every interval after the previous run started. */
    SCHEDULED,
    /** Again as soon as the previous run finished. */
    CONTINUOUS
}
