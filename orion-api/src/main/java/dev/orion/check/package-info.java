/**
 * Checks of agent outputs, proposals and results: a {@link dev.orion.check.Check} judges one subject and
 * returns a {@link dev.orion.check.Verdict} (pass, warn or fail, with reasons), which the store keeps per
 * evaluation. orion-core holds the built-in checks (numeric claims, JSON schemas, composition rules,
 * structure and result sanity); a campaign agent's proposals that fail a check never reach an engine.
 */
package dev.orion.check;
