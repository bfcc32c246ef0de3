/**
 * CalculiX ({@code ccx}) as an ORION engine: finite-element calculations ORION writes the deck for,
 * and CalculiX/Abaqus input decks run as written.
 */
package dev.orion.engines.calculix;
