/**
 * Laboratory instruments over OPC UA, the protocol laboratory devices speak (the LADS companion
 * specification builds on it): {@link dev.orion.opcua.OpcUaInstrument} implements ORION's
 * {@link dev.orion.lab.Instrument} with Eclipse Milo's client, starting a measurement by writing a device's
 * variables and reading its state and result variables. Optional module: add {@code orion-opcua} only if you
 * talk to OPC UA devices.
 */
package dev.orion.opcua;
