/**
 * The built-in phase-field engine: Cahn-Hilliard and Allen-Cahn on periodic 2-D and 3-D grids,
 * semi-implicit Fourier-spectral, in pure Java, with its own radix-2 FFT shared among threads.
 */
package dev.orion.engines.phasefield;
