/**
 * ORION's simulation engines and executors. Sub-packages: {@code lammps} (LAMMPS, {@code lmp}),
 * {@code espresso} (Quantum ESPRESSO, {@code pw.x}), {@code eam} (the built-in pure-Java EAM engine
 * and an analytic test engine), {@code local} (local processes) and {@code slurm} (SLURM batch jobs).
 */
package dev.orion.engines;
