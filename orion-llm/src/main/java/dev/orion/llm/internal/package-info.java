/**
 * Helpers that the provider and router packages share. Not part of ORION's API: public only because
 * two packages use them; they may change without notice.
 */
package dev.orion.llm.internal;
