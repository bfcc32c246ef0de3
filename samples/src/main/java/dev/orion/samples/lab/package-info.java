/** A self-driving lab in miniature: an instrument, the orchestrator and the review queue around one campaign. */
package dev.orion.samples.lab;
