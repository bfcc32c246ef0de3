/**
 * The call log: one {@link dev.orion.store.LlmCallRecord} per routed call, by tenant, written asynchronously
 * by {@link dev.orion.llm.internal.AsyncCallRecorder} (bounded queue, backpressure, never drops, flush
 * on close) to a {@link dev.orion.llm.router.log.CallLog}, which can be queried one tenant at a time with a {@link dev.orion.store.LlmCallFilter}
 * and exported as CSV or JSON ({@link dev.orion.llm.router.log.CallLogExport}).
 */
package dev.orion.llm.router.log;

