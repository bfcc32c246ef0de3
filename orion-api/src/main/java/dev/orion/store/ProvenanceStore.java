package dev.orion.store;

import java.util.List;

/**
 * Provenance links of one tenant: which result came from which job, structure or observation.
 * New links are audited with resource type {@code "provenance"}.
 */
public interface ProvenanceStore {

    /**
     * Records a link; recording the same (subject, relation, object) again returns the existing link
     * and writes nothing.
     *
     * @param subject  the dependent resource
     * @param relation the relation
     * @param object   what it depends on
     * @return the link
     */
    ProvenanceLink link(ResourceRef subject, String relation, ResourceRef object);

    /** @param subject a resource  @return links from it, oldest first */
    List<ProvenanceLink> linksFrom(ResourceRef subject);

    /** @param object a resource  @return links to it, oldest first */
    List<ProvenanceLink> linksTo(ResourceRef object);

    /**
     * Follows links from {@code subject} to what it depends on, transitively.
     *
     * @param subject  where to start
     * @param maxDepth the most hops to follow (1 = direct links only)
     * @return every link reached, each once, nearest first
     */
    List<ProvenanceLink> lineage(ResourceRef subject, int maxDepth);
}
