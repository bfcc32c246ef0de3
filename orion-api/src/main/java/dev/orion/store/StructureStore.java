package dev.orion.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores structures of one tenant. Mutations are audited with resource type {@code "structure"}.
 */
public interface StructureStore {

    /**
     * @param structure what to store
     * @return the stored record with its new id
     */
    StructureRecord save(NewStructure structure);

    /**
     * @param id the id
     * @return the structure, empty if this tenant has none with that id
     */
    Optional<StructureRecord> find(String id);

    /**
     * Sets computed properties, replacing values of the same name.
     *
     * @param id         the id
     * @param properties the properties to set
     * @return the updated record
     * @throws NotFoundException if there is no such structure
     */
    StructureRecord putProperties(String id, Map<String, Double> properties);

    /**
     * Sets metadata entries, replacing values of the same key.
     *
     * @param id       the id
     * @param metadata the entries to set
     * @return the updated record
     * @throws NotFoundException if there is no such structure
     */
    StructureRecord putMetadata(String id, Map<String, String> metadata);

    /**
     * Adds and removes tags in one change.
     *
     * @param id     the id
     * @param add    tags to add
     * @param remove tags to remove
     * @return the updated record
     * @throws NotFoundException if there is no such structure
     */
    StructureRecord retag(String id, Set<String> add, Set<String> remove);

    /**
     * @param id the id
     * @return whether a structure was deleted (no audit event when it was absent)
     */
    boolean delete(String id);

    /**
     * @param filter the filter
     * @param page   the page
     * @return matching structures
     */
    Page<StructureRecord> query(StructureFilter filter, PageRequest page);

    /**
     * @param filter the filter
     * @return how many structures match
     */
    long count(StructureFilter filter);
}
