/**
 * The vocabulary of continuum (finite-element) calculations: a {@link dev.orion.engine.continuum.Mesh} of
 * eight-node hexahedra, a {@link dev.orion.engine.continuum.Material}, the
 * {@link dev.orion.engine.continuum.Analysis}, {@link dev.orion.engine.continuum.Constraint}s and
 * {@link dev.orion.engine.continuum.Load}s that make a {@link dev.orion.engine.FiniteElement} calculation,
 * and the {@link dev.orion.engine.continuum.ContinuumResult} an engine reads back; and the
 * {@link dev.orion.engine.continuum.DoubleWell} free energy and {@link dev.orion.engine.continuum.PhaseFieldResult}
 * of a {@link dev.orion.engine.PhaseField} calculation.
 *
 * <p>Units: any consistent set, used as given (CalculiX has none of its own). The Javadoc and the
 * examples use SI: metres, newtons, pascals, kilograms, seconds, kelvin, watts.
 */
package dev.orion.engine.continuum;
