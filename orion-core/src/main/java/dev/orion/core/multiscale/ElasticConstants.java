package dev.orion.core.multiscale;

import dev.orion.core.OrionTenant;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Method;
import dev.orion.engine.Stress;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Elastic constants by strained cells: the cell is strained by {@code ±e} along x and sheared by
 * {@code ±g} in yz, the positions relaxed in each strained cell by the chosen engine (as jobs of the
 * tenant, so they are persisted, reused and recoverable like any other), and the constants are the
 * central differences of the stress: {@code C11 = dσxx/dεxx}, {@code C12 = (dσyy + dσzz)/(2 dεxx)},
 * {@code C44 = dσyz/dγyz}. Any atomistic engine that reports a stress works (the built-in EAM
 * engine, LAMMPS, Quantum ESPRESSO).
 */
public final class ElasticConstants {

    /** The default strain, small enough to stay linear and large enough to rise above the stress's noise. */
    public static final double DEFAULT_STRAIN = 0.005;

    private ElasticConstants() {
    }

    /**
     * {@link #cubic(OrionTenant, String, Structure, Method, double, Duration)} with a strain of
     * {@value #DEFAULT_STRAIN} and ten minutes per calculation.
     *
     * @param tenant    whose jobs run the strained cells
     * @param engine    the engine's name ({@code orion-eam}, {@code lammps}, {@code espresso})
     * @param cubicCell a relaxed cubic cell with its axes along x, y and z
     * @param method    the potential or DFT parameters
     * @return the constants
     * @throws InterruptedException if interrupted while waiting for the jobs
     */
    public static CubicElasticConstants cubic(OrionTenant tenant, String engine, Structure cubicCell, Method method)
            throws InterruptedException {
        return cubic(tenant, engine, cubicCell, method, DEFAULT_STRAIN, Duration.ofMinutes(10));
    }

    /**
     * @param tenant    whose jobs run the strained cells
     * @param engine    the engine's name
     * @param cubicCell a relaxed cubic cell with its axes along x, y and z (its residual stress cancels
     *                  in the central differences)
     * @param method    the potential or DFT parameters
     * @param strain    the strain e (and shear g), in (0, 0.05]
     * @param timeout   how long to wait for each calculation
     * @return the constants, with the four jobs
     * @throws IllegalArgumentException if the cell is not cubic along x, y, z or the strain is out of range
     * @throws dev.orion.core.jobs.JobFailedException if a calculation failed or did not end in time
     * @throws InterruptedException if interrupted while waiting for the jobs
     */
    public static CubicElasticConstants cubic(OrionTenant tenant, String engine, Structure cubicCell, Method method,
                                              double strain, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(timeout, "timeout");
        List<String> jobs = new ArrayList<>();
        for (Calculation c : strainedCells(cubicCell, method, strain)) {
            jobs.add(tenant.jobs().submit(JobRequest.of(c, engine)).id());
        }
        List<CalculationResult> results = new ArrayList<>();
        for (String id : jobs) {
            results.add(tenant.jobs().awaitResult(id, timeout));
        }
        return fromResults(results, strain, jobs);
    }

    /**
     * The four strained cells whose stresses give the constants, for callers that run them their own way (a
     * workflow step submits them under its own idempotency keys): the cell strained by {@code +e} and
     * {@code -e} along x, then sheared by {@code +g} and {@code -g} in yz, each a relaxation of the positions.
     *
     * @param cubicCell a relaxed cubic cell with its axes along x, y and z
     * @param method    the potential or DFT parameters
     * @param strain    the strain e (and shear g), in (0, 0.05]
     * @return the four calculations, in the order +e_xx, -e_xx, +g_yz, -g_yz
     * @throws IllegalArgumentException if the cell is not cubic along x, y, z or the strain is out of range
     */
    public static List<Calculation> strainedCells(Structure cubicCell, Method method, double strain) {
        Objects.requireNonNull(cubicCell, "cubicCell");
        Objects.requireNonNull(method, "method");
        requireCubic(cubicCell.lattice());
        if (!(strain > 0 && strain <= 0.05)) {
            throw new IllegalArgumentException("strain must be in (0, 0.05], got " + strain);
        }
        double[][] strains = {
            {strain, 0, 0, 0, 0, 0}, {-strain, 0, 0, 0, 0, 0}, {0, 0, 0, strain, 0, 0}, {0, 0, 0, -strain, 0, 0}};
        List<Calculation> out = new ArrayList<>();
        for (double[] e : strains) {
            out.add(Calculation.relax(strained(cubicCell, e)).with(method));
        }
        return List.copyOf(out);
    }

    /**
     * The constants from the results of {@link #strainedCells}, by central differences of the stress.
     *
     * @param results the four results, in the order of {@link #strainedCells}
     * @param strain  the strain the cells were made with
     * @param jobs    the ids of the four jobs, in the same order (for provenance)
     * @return the constants
     * @throws IllegalArgumentException if there are not four results and four jobs, or a result has no stress
     */
    public static CubicElasticConstants fromResults(List<CalculationResult> results, double strain, List<String> jobs) {
        if (results.size() != 4 || jobs.size() != 4) {
            throw new IllegalArgumentException("need the 4 results and 4 jobs of the strained cells, got " + results.size()
                    + " results and " + jobs.size() + " jobs");
        }
        if (!(strain > 0 && strain <= 0.05)) {
            throw new IllegalArgumentException("strain must be in (0, 0.05], got " + strain);
        }
        List<Stress> s = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = jobs.get(i);
            CalculationResult r = results.get(i);
            s.add(r.stress().orElseThrow(() -> new IllegalArgumentException("engine " + r.engine()
                    + " reported no stress for job " + id + "; elastic constants need one")));
        }
        // Stress has the pressure sign: the engineering stress is its negative
        double c11 = -(s.get(0).xx() - s.get(1).xx()) / (2 * strain);
        double c12 = -((s.get(0).yy() - s.get(1).yy()) + (s.get(0).zz() - s.get(1).zz())) / (4 * strain);
        double c44 = -(s.get(2).yz() - s.get(3).yz()) / (2 * strain);
        return new CubicElasticConstants(c11, c12, c44, jobs);
    }

    /**
     * @param e Voigt strain (exx, eyy, ezz, gyz, gxz, gxy), engineering shears
     * @return the structure with its cell rows multiplied by (I + e), the same fractional positions
     */
    static Structure strained(Structure s, double[] e) {
        double[][] d = {{1 + e[0], e[5] / 2, e[4] / 2}, {e[5] / 2, 1 + e[1], e[3] / 2}, {e[4] / 2, e[3] / 2, 1 + e[2]}};
        double[][] l = s.lattice().matrix();
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    out[r][c] += l[r][k] * d[k][c];
                }
            }
        }
        return s.withLattice(Lattice.of(out));
    }

    private static void requireCubic(Lattice l) {
        double[][] m = l.matrix();
        double a = m[0][0];
        double tol = 1e-6 * a;
        boolean cubic = a > 0 && Math.abs(m[1][1] - a) < tol && Math.abs(m[2][2] - a) < tol;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                cubic &= r == c || Math.abs(m[r][c]) < tol;
            }
        }
        if (!cubic) {
            throw new IllegalArgumentException("elastic constants by strained cells need a cubic cell with its axes "
                    + "along x, y and z, got lattice " + java.util.Arrays.deepToString(m));
        }
    }
}
