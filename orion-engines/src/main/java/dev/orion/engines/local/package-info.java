/**
 * Runs programs as local processes: {@link dev.orion.engines.local.LocalExecutor} (work folders,
 * environment, a concurrency limit, time limits, cancellation of whole process trees, stdout and
 * stderr to files, exit codes).
 */
package dev.orion.engines.local;
