/**
 * The review queue: candidates and outputs that a selector scores as uncertain, or that an evaluator
 * warns about, wait for an expert, who claims them (one reviewer at a time), labels them (accept, reject,
 * correct, comment), alone or in batches; {@link dev.orion.core.review.ReviewQueue} feeds each label back
 * into the campaign as an observation linked by provenance to its review item.
 */
package dev.orion.core.review;
