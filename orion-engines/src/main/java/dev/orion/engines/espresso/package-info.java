/**
 * The Quantum ESPRESSO engine ({@link dev.orion.engines.espresso.EspressoEngine}, {@code pw.x}):
 * {@code ibrav = 0} inputs built on orion-core's {@code PwscfWriter}, pseudopotentials found by
 * element, k-point grids from a spacing, smearing for metals; parses energies, forces, stress,
 * iterations and relaxed structures, and turns non-convergence and crashes into typed failures.
 */
package dev.orion.engines.espresso;
