/**
 * Laboratory instruments in campaigns: {@link dev.orion.core.lab.InstrumentEvaluator} makes any
 * {@link dev.orion.lab.Instrument} a campaign evaluator that survives disconnects and restarts without losing
 * an experiment; {@link dev.orion.core.lab.ExperimentBridge} runs simulations of each measured candidate beside
 * its experiment and records both as observations with their provenance; {@link dev.orion.core.lab.SimulatedInstrument}
 * is a seeded stand-in for a device (delays, noise, failures, disconnects) for tests and demos.
 */
package dev.orion.core.lab;
