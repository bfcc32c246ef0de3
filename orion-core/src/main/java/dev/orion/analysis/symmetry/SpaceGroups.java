package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of the 230 space-group types in their 530 Hall settings, and the operations of each.
 *
 * <pre>{@code
 * SpaceGroupType p21c = SpaceGroups.byHermannMauguin("P 1 21/c 1").orElseThrow();
 * List<SymmetryOperation> ops = SpaceGroups.operations(p21c);      // 4 operations
 * SpaceGroups.byNumber(227).choice();                                // "1": origin choice 1
 * SpaceGroups.byHallSymbol("-F 4vw 2vw 3").orElseThrow().number();   // 227
 * }</pre>
 *
 * <p>Symbols and numbering follow spglib's database (International Tables Vol. B, Table
 * A1.4.2.7). The default setting of a type, returned by {@link #byNumber(int)} and by a
 * Hermann–Mauguin symbol without a suffix, is the first Hall number of that type, as in spglib:
 * unique axis b and cell choice 1 for monoclinic groups, origin choice 1 where there are two
 * (so {@code Fd-3m} is origin choice 1; write {@code Fd-3m:2} for the other, which many CIF files
 * use; their {@code _space_group_symop} loop settles it through {@link #byOperations}), and
 * hexagonal axes for rhombohedral groups (write {@code R-3m:R} for rhombohedral axes). gemmi
 * makes the same choices for symbols without a suffix.
 *
 * <p>The operations are generated from the Hall symbols, not stored; translations are in
 * [0, 1) and include the centring translations, so a group of type Fm-3m has 192 operations.
 * The table is built once, on first use (a few milliseconds), and is thread-safe.
 */
public final class SpaceGroups {

    private static final Logger LOG = LoggerFactory.getLogger(SpaceGroups.class);

    private SpaceGroups() {
    }

    /**
     * Returns the default setting of a space-group type (the lowest Hall number of that type).
     *
     * @param number the International Tables number, 1..230
     * @return the default setting
     * @throws IllegalArgumentException if {@code number} is outside 1..230
     */
    public static SpaceGroupType byNumber(int number) {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("number must be in 1..230, was " + number);
        }
        SpaceGroupTable table = SpaceGroupTable.get();
        return table.type(table.defaultHallNumber[number]);
    }

    /**
     * Returns one setting by its Hall number.
     *
     * @param hallNumber 1..530, as in spglib
     * @return the setting
     * @throws IllegalArgumentException if {@code hallNumber} is outside 1..530
     */
    public static SpaceGroupType byHallNumber(int hallNumber) {
        if (hallNumber < 1 || hallNumber > SpaceGroupTable.SETTINGS) {
            throw new IllegalArgumentException("hallNumber must be in 1..530, was " + hallNumber);
        }
        return SpaceGroupTable.get().type(hallNumber);
    }

    /** Returns all 530 settings, ordered by Hall number. */
    public static List<SpaceGroupType> all() {
        return SpaceGroupTable.get().types;
    }

    /**
     * Returns every setting of one space-group type, default first.
     *
     * @param number the International Tables number, 1..230
     * @return the settings, ordered by Hall number
     * @throws IllegalArgumentException if {@code number} is outside 1..230
     */
    public static List<SpaceGroupType> settings(int number) {
        int first = byNumber(number).hallNumber();
        List<SpaceGroupType> out = new ArrayList<>();
        for (SpaceGroupType t : all().subList(first - 1, SpaceGroupTable.SETTINGS)) {
            if (t.number() != number) {
                break;
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /**
     * Finds a setting from a Hermann–Mauguin symbol in any of the common spellings:
     * {@code P 21/c}, {@code P 1 21/c 1}, {@code P2_1/c}, {@code Fm-3m}, {@code F m -3 m},
     * {@code FM-3M}, {@code P n m a}, {@code P 1 21/n 1}, {@code Fd-3m:2}, {@code R -3 m :H},
     * {@code R -3 m R}, {@code H 3 2} (PDB), {@code Fm3m} (pre-1983). See the class comment for
     * the default setting when the symbol names several.
     *
     * @param symbol the symbol; surrounding quotes are ignored
     * @return the setting, or empty if no setting has this symbol
     */
    public static Optional<SpaceGroupType> byHermannMauguin(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return Index.HM.find(symbol).map(SpaceGroups::byHallNumber);
    }

    /**
     * Finds a setting from a Hall symbol such as {@code -P 2ybc} or {@code P 31 2c (0 0 1)}. A
     * symbol that is not written as in the table but generates the same operations as one of
     * its settings (for example a different but equivalent choice of generators) finds that
     * setting too.
     *
     * @param symbol the Hall symbol; runs of spaces are ignored
     * @return the setting, or empty if the symbol is malformed or describes no tabulated setting
     */
    public static Optional<SpaceGroupType> byHallSymbol(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        SpaceGroupTable table = SpaceGroupTable.get();
        Integer hall = table.byHallSymbol.get(SpaceGroupTable.normalizeHall(symbol));
        if (hall != null) {
            return Optional.of(table.type(hall));
        }
        try {
            return byOperations(HallSymbolParser.operations(SpaceGroupTable.normalizeHall(symbol)));
        } catch (IllegalArgumentException e) {
            LOG.debug("not a Hall symbol: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Finds the setting whose operations are exactly the given ones, modulo lattice
     * translations: the list of a CIF {@code _space_group_symop_operation_xyz} loop, for
     * example. Duplicates are ignored; the centring translations must be present. Several
     * settings of Ccca (No. 68) share one operation set; the lowest Hall number is returned.
     *
     * @param operations the complete set of operations
     * @return the setting, or empty if no tabulated setting has this operation set
     */
    public static Optional<SpaceGroupType> byOperations(Collection<SymmetryOperation> operations) {
        Objects.requireNonNull(operations, "operations");
        Set<SymmetryOperation> set = new HashSet<>(operations.size() * 2);
        for (SymmetryOperation op : operations) {
            set.add(Objects.requireNonNull(op, "operations must not contain null"));
        }
        SpaceGroupTable table = SpaceGroupTable.get();
        Integer hall = table.byOperationSet.get(set);
        return hall == null ? Optional.empty() : Optional.of(table.type(hall));
    }

    /**
     * Returns the operations of a setting, identity first, centring translations included.
     *
     * @param type a setting of this table
     * @return the unmodifiable list of operations
     * @throws IllegalArgumentException if {@code type} is not one of this table's settings
     */
    public static List<SymmetryOperation> operations(SpaceGroupType type) {
        Objects.requireNonNull(type, "type");
        SpaceGroupTable table = SpaceGroupTable.get();
        if (!table.type(type.hallNumber()).equals(type)) {
            throw new IllegalArgumentException("type is not a setting of the table: " + type);
        }
        return table.operations.get(type.hallNumber() - 1);
    }

    /** Built on first H-M lookup only. */
    private static final class Index {
        static final HermannMauguinIndex HM = new HermannMauguinIndex(SpaceGroupTable.get());
    }
}
