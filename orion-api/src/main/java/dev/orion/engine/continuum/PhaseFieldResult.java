package dev.orion.engine.continuum;

import java.util.List;

/**
 * What a phase-field run produced: the total free energy and the mean of the field at each sample,
 * and the final field.
 *
 * @param nx           grid points along x
 * @param ny           grid points along y
 * @param nz           grid points along z (1 for a 2-D grid)
 * @param times        the sampled times, first the initial state
 * @param freeEnergies the total free energy at each sampled time (energy density units × area)
 * @param means        the mean concentration at each sampled time (conserved by Cahn-Hilliard)
 * @param field        the final field, {@code field.get(x + nx * (y + ny * z))}
 */
public record PhaseFieldResult(int nx, int ny, int nz, List<Double> times, List<Double> freeEnergies, List<Double> means,
                               List<Double> field) {

    /** Validates and copies. */
    public PhaseFieldResult {
        times = List.copyOf(times);
        freeEnergies = List.copyOf(freeEnergies);
        means = List.copyOf(means);
        field = List.copyOf(field);
        if (freeEnergies.size() != times.size() || means.size() != times.size()) {
            throw new IllegalArgumentException("times, freeEnergies and means must be as long, got " + times.size()
                    + ", " + freeEnergies.size() + ", " + means.size());
        }
        if (nx < 1 || ny < 1 || nz < 1 || field.size() != nx * ny * nz) {
            throw new IllegalArgumentException("field must hold nx * ny * nz = " + nx + " * " + ny + " * " + nz
                    + " values, got " + field.size());
        }
    }

    /** @param x column  @param y row  @return the final field there (in the first layer of a 3-D grid) */
    public double at(int x, int y) {
        return at(x, y, 0);
    }

    /** @param x column  @param y row  @param z layer  @return the final field there */
    public double at(int x, int y, int z) {
        return field.get(x + nx * (y + ny * z));
    }
}
