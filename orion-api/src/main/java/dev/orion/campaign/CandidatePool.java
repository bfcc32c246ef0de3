package dev.orion.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finite design space: candidates known in advance (a table of materials, generated structures), each
 * with the same number of numeric descriptors. Strategies score every unevaluated entry.
 *
 * @param candidates the entries, ids distinct, at least one, all with the same descriptor count
 */
public record CandidatePool(List<Candidate> candidates) implements DesignSpace {

    /** Validates and copies. */
    public CandidatePool {
        candidates = Checks.nonEmpty("candidates", candidates);
        int width = candidates.get(0).descriptors().size();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (seen.put(c.id(), i) != null) {
                throw new IllegalArgumentException("candidate ids must be distinct, got " + c.id() + " twice");
            }
            if (c.descriptors().size() != width) {
                throw new IllegalArgumentException("candidate " + c.id() + " has " + c.descriptors().size()
                        + " descriptors, expected " + width);
            }
        }
    }

    /** @param candidates entries  @return the pool */
    public static CandidatePool of(List<Candidate> candidates) {
        return new CandidatePool(candidates);
    }

    /** @return how many descriptors each entry has */
    public int descriptorCount() {
        return candidates.get(0).descriptors().size();
    }

    /** @param id an id  @return the entry with that id, if any */
    public Optional<Candidate> find(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public boolean isFeasible(Candidate candidate) {
        return violations(candidate).isEmpty();
    }

    @Override
    public List<String> violations(Candidate candidate) {
        return find(candidate.id()).isPresent() ? List.of() : List.of("not in pool: " + candidate.id());
    }
}
