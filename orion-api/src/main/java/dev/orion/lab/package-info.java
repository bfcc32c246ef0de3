/**
 * Laboratory instruments as campaign evaluators: the {@link dev.orion.lab.Instrument} SPI (submit a
 * measurement request, poll its state, fetch the result, cancel) and the typed errors of talking to a
 * device ({@link dev.orion.lab.InstrumentException} and its subclasses). orion-core adapts an instrument
 * to a campaign's {@link dev.orion.campaign.Evaluator} and ships a simulated instrument; the optional
 * orion-opcua module speaks OPC UA to real devices.
 */
package dev.orion.lab;
