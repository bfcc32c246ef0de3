/**
 * Runs programs as SLURM batch jobs: {@link dev.orion.engines.slurm.SlurmExecutor} ({@code sbatch},
 * {@code scontrol}, {@code scancel}, optionally through a command prefix such as {@code ssh host}).
 */
package dev.orion.engines.slurm;
