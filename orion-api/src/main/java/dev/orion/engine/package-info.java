/**
 * Simulation engines and where they run.
 *
 * <p>A {@link dev.orion.engine.Calculation} is atomistic ({@link dev.orion.engine.AtomisticCalculation}:
 * single point, relaxation, molecular dynamics; a structure and a {@link dev.orion.engine.Method}, an
 * interatomic {@link dev.orion.engine.Potential} or {@link dev.orion.engine.DftParameters}) or on a
 * continuum ({@link dev.orion.engine.FiniteElement}, {@link dev.orion.engine.InputDeck}; see
 * {@code dev.orion.engine.continuum}). An {@link dev.orion.engine.Engine} validates it, and
 * either writes input files and names a program to run ({@link dev.orion.engine.ProgramEngine}) or
 * computes in the JVM ({@link dev.orion.engine.JavaEngine}). An {@link dev.orion.engine.Executor}
 * runs programs (locally or on SLURM) and reports {@link dev.orion.engine.RunState}s; the engine
 * parses the outputs into a {@link dev.orion.engine.CalculationResult}.
 *
 * <p>Units everywhere, whatever the program printed: energies in eV, lengths in Å, forces in eV/Å,
 * stresses in GPa with the pressure sign (positive = compressed, as LAMMPS and pw.x print it; see
 * {@link dev.orion.engine.Stress}), temperatures in K, times in fs.
 */
package dev.orion.engine;
