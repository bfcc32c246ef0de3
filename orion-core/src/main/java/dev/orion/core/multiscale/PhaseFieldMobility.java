package dev.orion.core.multiscale;

import dev.orion.engine.CalculationResult;
import dev.orion.engine.continuum.DoubleWell;
import dev.orion.store.ProvenanceLink;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import java.util.Objects;

/**
 * A Cahn-Hilliard mobility from a diffusion coefficient measured by molecular dynamics:
 * {@code M = D / f''(c)} (Cahn's relation between the mobility of the concentration and the
 * interdiffusion coefficient, f'' the thermodynamic factor), with D converted into the phase-field
 * model's units: a grid length unit of {@code lengthUnit} Å and a time unit of {@code timeUnit} ps.
 *
 * <pre>{@code
 * CalculationResult md = acme.jobs().awaitResult(mdJob, Duration.ofMinutes(10));   // built-in EAM or LAMMPS MD
 * PhaseFieldMobility m = PhaseFieldMobility.fromDiffusion(mdJob, md, well, 0.5, 10.0, 1000.0);
 * PhaseField run = PhaseField.builder(128, 128).freeEnergy(well).mobility(m.mobility()).build();
 * m.linkTo(acme.provenance(), phaseFieldJob);
 * }</pre>
 *
 * @param mobility          M in grid units (length unit² per time unit per energy density unit)
 * @param diffusionA2PerPs  the diffusion coefficient it came from, Å²/ps
 * @param sourceJob         the molecular-dynamics job that measured it
 */
public record PhaseFieldMobility(double mobility, double diffusionA2PerPs, String sourceJob) {

    /** The named value a molecular-dynamics result carries its diffusion coefficient in. */
    public static final String DIFFUSION_VALUE = "diffusion_coefficient_a2_per_ps";
    /** The relation recorded from a phase-field job to the job its mobility came from. */
    public static final String RELATION = "mobility-from";

    /** Validates. */
    public PhaseFieldMobility {
        if (!(mobility > 0) || !Double.isFinite(mobility)) {
            throw new IllegalArgumentException("mobility must be finite and > 0, got " + mobility);
        }
        Objects.requireNonNull(sourceJob, "sourceJob");
    }

    /**
     * @param mdJob      the molecular-dynamics job's id
     * @param md         its result, with {@value #DIFFUSION_VALUE} (the built-in engine reports it)
     * @param well       the phase-field model's bulk free energy
     * @param c          the concentration at which to take the thermodynamic factor f''(c) (> 0 there:
     *                   outside the spinodal, e.g. an equilibrium concentration)
     * @param lengthUnit the model's length unit in Å (> 0)
     * @param timeUnit   the model's time unit in ps (> 0)
     * @return the mobility
     * @throws IllegalArgumentException if the result has no positive diffusion coefficient (a solid
     *                                  whose atoms did not diffuse) or f''(c) is not positive
     */
    public static PhaseFieldMobility fromDiffusion(String mdJob, CalculationResult md, DoubleWell well, double c,
                                                   double lengthUnit, double timeUnit) {
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(well, "well");
        Double d = md.values().get(DIFFUSION_VALUE);
        if (d == null || !(d > 0)) {
            throw new IllegalArgumentException("job " + mdJob + " reports no positive " + DIFFUSION_VALUE + " (got "
                    + d + "); run the MD where the atoms diffuse");
        }
        if (!(lengthUnit > 0) || !(timeUnit > 0)) {
            throw new IllegalArgumentException("lengthUnit and timeUnit must be > 0, got " + lengthUnit + ", " + timeUnit);
        }
        double curvature = well.curvature(c);
        if (!(curvature > 0)) {
            throw new IllegalArgumentException("f''(" + c + ") = " + curvature + " is not positive: c is inside the "
                    + "spinodal, where no mobility follows from D; take an equilibrium concentration");
        }
        double dGrid = d * timeUnit / (lengthUnit * lengthUnit);
        return new PhaseFieldMobility(dGrid / curvature, d, mdJob);
    }

    /**
     * @param provenance the tenant's provenance store
     * @param jobId      the phase-field job that used this mobility
     * @return the link {@code job:jobId --mobility-from--> job:sourceJob}
     */
    public ProvenanceLink linkTo(ProvenanceStore provenance, String jobId) {
        return Objects.requireNonNull(provenance, "provenance").link(ResourceRef.of("job", Objects.requireNonNull(jobId,
                "jobId")), RELATION, ResourceRef.of("job", sourceJob));
    }
}
