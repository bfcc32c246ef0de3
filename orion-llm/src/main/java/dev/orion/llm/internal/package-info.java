/**
 * Machinery that the provider and router packages share (the call-log recorder and its dead letters,
 * cache keys and the response cache, error-text redaction). Not part of ORION's API: public only because
 * two packages use them; they may change without notice.
 */
package dev.orion.llm.internal;
