package dev.orion.engine;

import java.util.Objects;
import java.util.Set;

/**
 * What an engine can compute.
 *
 * @param calculations calculation kinds ({@link Calculation#kind()} values)
 * @param methods      method kinds: pair styles like {@code "eam/alloy"}, or {@code "dft"}
 * @param cellRelaxation whether relaxations may move the cell
 * @param ensembles    MD ensembles supported
 */
public record EngineCapabilities(Set<String> calculations, Set<String> methods, boolean cellRelaxation,
                                 Set<Ensemble> ensembles) {

    /** Validates and copies. */
    public EngineCapabilities {
        calculations = Set.copyOf(calculations);
        methods = Set.copyOf(methods);
        ensembles = Set.copyOf(Objects.requireNonNull(ensembles, "ensembles"));
    }

    /** @param kind a calculation kind  @return whether it is supported */
    public boolean supports(String kind) {
        return calculations.contains(kind);
    }
}
