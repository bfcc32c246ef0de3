package dev.orion.store.internal;

import dev.orion.structure.Structure;
import dev.orion.analysis.symmetry.Symmetry;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The space-group number a structure store records when it saves a structure, where that is cheap:
 * only for ordered structures of 1 to {@value #MAX_SITES} sites, found with a tolerance of
 * {@value #SYMPREC} Å (pymatgen's {@code SpacegroupAnalyzer} default, forgiving the rounding of
 * coordinates in published files). A disordered or larger structure, or one the analysis fails on,
 * gets no number; a save never fails because of symmetry.
 */
public final class StoredSpaceGroup {

    /** The largest structure analysed on save; the search grows faster than linearly with the sites. */
    public static final int MAX_SITES = 500;
    /** The distance tolerance of the analysis, Å. */
    public static final double SYMPREC = 0.01;

    private static final Logger LOG = LoggerFactory.getLogger(StoredSpaceGroup.class);

    private StoredSpaceGroup() {
    }

    /**
     * @param structure the structure being saved
     * @return its space-group number, or empty when it is disordered, empty, larger than
     *         {@value #MAX_SITES} sites, or the analysis found no group
     */
    public static OptionalInt of(Structure structure) {
        if (structure.size() == 0 || structure.size() > MAX_SITES || !structure.isOrdered()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Symmetry.of(structure, SYMPREC).spaceGroupNumber());
        } catch (RuntimeException e) {
            LOG.debug("no space group stored for {}: {}", structure.formula(), e.toString());
            return OptionalInt.empty();
        }
    }
}
