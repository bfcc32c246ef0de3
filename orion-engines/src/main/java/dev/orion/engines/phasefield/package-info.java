/** The built-in phase-field engine: Cahn-Hilliard on periodic grids, Fourier-spectral, in pure Java. */
package dev.orion.engines.phasefield;
