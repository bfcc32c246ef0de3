/**
 * The vocabulary of continuum (finite-element) calculations: a {@link dev.orion.continuum.Mesh} of
 * eight-node hexahedra, a {@link dev.orion.continuum.Material}, the
 * {@link dev.orion.continuum.Analysis}, {@link dev.orion.continuum.Constraint}s and
 * {@link dev.orion.continuum.Load}s that make a {@link dev.orion.engine.FiniteElement} calculation,
 * and the {@link dev.orion.continuum.ContinuumResult} an engine reads back.
 *
 * <p>Units: any consistent set, used as given (CalculiX has none of its own). The Javadoc and the
 * examples use SI: metres, newtons, pascals, kilograms, seconds, kelvin, watts.
 */
package dev.orion.continuum;
