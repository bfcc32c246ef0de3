package dev.orion.store;

import dev.orion.structure.Structure;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the periodic structures of one tenant. A saved {@link Structure} comes back equal; the
 * store derives the reduced formula, elements, site count and, for ordered structures of at most
 * 500 sites, the space-group number, and filters on them ({@link StructureFilter}). Mutations are
 * audited with resource type {@code "structure"}.
 *
 * <p>Molecules are not structures and are not stored here. A row kept from before structures were
 * typed whose text is not a structure document is skipped by {@link #query} and {@link #count};
 * {@link #find} and the updates on it throw a {@link StoreException} naming its id; {@link #delete}
 * removes it.
 */
public interface StructureStore {

    /**
     * @param structure what to store
     * @return the stored record with its new id
     */
    StructureRecord save(NewStructure structure);

    /**
     * Stores a structure without project, metadata, tags or properties.
     *
     * @param name      a label (1-200 characters)
     * @param structure the structure
     * @return the stored record with its new id
     */
    default StructureRecord save(String name, Structure structure) {
        return save(NewStructure.of(name, structure));
    }

    /**
     * @param id the id
     * @return the structure, empty if this tenant has none with that id
     * @throws StoreException naming the id if the stored row does not hold a readable structure
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
