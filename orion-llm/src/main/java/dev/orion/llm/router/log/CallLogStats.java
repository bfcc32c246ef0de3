package dev.orion.llm.router.log;

import java.time.Duration;

/**
 * What the router's call-log recorder has done since it started: how many records it took,
 * wrote and set aside, and the longest time a caller waited for it ({@code LlmRouter.callLogStats()}).
 *
 * @param accepted records accepted by {@code record}
 * @param written  records the call log took
 * @param deadLettered records set aside (rejected by the log, an outage beyond the retries, or no room)
 * @param lost dead letters that fitted nowhere (memory full, file unwritable); logged in full at ERROR
 * @param overflowed   records that found the queue full and waited in the overflow
 * @param maxBlocked   the longest time a caller spent in {@code record}
 */
public record CallLogStats(long accepted, long written, long deadLettered, long lost, long overflowed, Duration maxBlocked) {
}
