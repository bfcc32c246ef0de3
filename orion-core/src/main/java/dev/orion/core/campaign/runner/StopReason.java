package dev.orion.core.campaign.runner;

/** Why a campaign stopped. */
public enum StopReason {
    /** The evaluation budget is spent. */
    EVALUATIONS,
    /** The wall-time budget is spent (counted in this process, from the start or resume). */
    WALL_TIME,
    /** An observation reached the target value. */
    TARGET_REACHED,
    /** The best value did not improve in the last k iterations. */
    NO_IMPROVEMENT,
    /** The strategy has nothing left to propose (a finite pool or grid is used up). */
    EXHAUSTED,
    /** The evaluators' reported core-hours reached the compute budget. */
    CORE_HOURS,
    /** The LLM spend recorded for the campaign reached its dollar budget. */
    LLM_COST
}
