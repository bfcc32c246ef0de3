/**
 * The call log: one {@link dev.orion.llm.router.log.CallRecord} per routed call, written asynchronously
 * by {@link dev.orion.llm.router.log.AsyncCallRecorder} (bounded queue, backpressure, never drops, flush
 * on close) to a {@link dev.orion.llm.router.log.CallLog}, which can be queried with filters and pages
 * and exported as CSV or JSON ({@link dev.orion.llm.router.log.CallLogExport}).
 */
package dev.orion.llm.router.log;
