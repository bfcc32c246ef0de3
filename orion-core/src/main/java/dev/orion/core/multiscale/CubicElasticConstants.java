package dev.orion.core.multiscale;

import dev.orion.engine.continuum.Elasticity;
import dev.orion.store.ProvenanceLink;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The three elastic constants of a cubic crystal, computed from strained cells by
 * {@link ElasticConstants#cubic}, with the jobs that computed them.
 *
 * <pre>{@code
 * CubicElasticConstants c = ElasticConstants.cubic(acme, "orion-eam", relaxedCu, potential);
 * Material cu = Material.builder("Cu").elasticity(c.toElasticity()).density(8960).build();
 * JobRecord plate = acme.jobs().submit(JobRequest.of(plateCalculation, "calculix"));
 * c.linkTo(acme.provenance(), plate.id());     // the plate's job now cites the four strained cells
 * }</pre>
 *
 * @param c11  C11 in GPa
 * @param c12  C12 in GPa
 * @param c44  C44 in GPa
 * @param jobs the ids of the strained-cell jobs, in the order +e_xx, -e_xx, +g_yz, -g_yz
 */
public record CubicElasticConstants(double c11, double c12, double c44, List<String> jobs) {

    /** The relation recorded from a model's job to each job its material came from. */
    public static final String RELATION = "material-from";

    /** Validates and copies. */
    public CubicElasticConstants {
        if (!Double.isFinite(c11) || !Double.isFinite(c12) || !Double.isFinite(c44)) {
            throw new IllegalArgumentException("elastic constants must be finite, got C11=" + c11 + ", C12=" + c12
                    + ", C44=" + c44);
        }
        jobs = List.copyOf(jobs);
    }

    /** @return the bulk modulus (C11 + 2 C12) / 3, GPa */
    public double bulkModulus() {
        return (c11 + 2 * c12) / 3;
    }

    /** @return Zener's anisotropy ratio 2 C44 / (C11 - C12) (1 for an isotropic solid) */
    public double anisotropy() {
        return 2 * c44 / (c11 - c12);
    }

    /**
     * @return the constants as a finite-element material's elasticity, in Pa, cubic axes along the
     *         mesh's x, y and z
     * @throws IllegalArgumentException if they are not positive definite (a mechanically unstable cell)
     */
    public Elasticity.Cubic toElasticity() {
        return Elasticity.cubic(c11 * 1e9, c12 * 1e9, c44 * 1e9);
    }

    /**
     * Records that a model's job took its material from these calculations: a link
     * {@code job:jobId --material-from--> job:<strained cell>} for each strained-cell job.
     *
     * @param provenance the tenant's provenance store
     * @param jobId      the job of the model that uses the material
     * @return the links recorded
     */
    public List<ProvenanceLink> linkTo(ProvenanceStore provenance, String jobId) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(jobId, "jobId");
        List<ProvenanceLink> links = new ArrayList<>();
        for (String source : jobs) {
            links.add(provenance.link(ResourceRef.of("job", jobId), RELATION, ResourceRef.of("job", source)));
        }
        return List.copyOf(links);
    }
}
