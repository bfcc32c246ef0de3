package dev.orion.io.cif;

import dev.orion.io.ReadWarning;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.analysis.symmetry.SpaceGroups;
import dev.orion.symmetry.SymmetryOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the symmetry operations of a data block, in this order: the operator loop
 * ({@code _space_group_symop_operation_xyz} or {@code _symmetry_equiv_pos_as_xyz}, duplicates
 * dropped), the Hermann–Mauguin symbol (refined by a Hall symbol of the same type, which names
 * the setting exactly), the Hall symbol, the International Tables number, and finally P1 with a
 * warning. Where the operator loop and the H-M symbol disagree, the listed
 * operators win (as in Open Babel and pymatgen) and a warning says so.
 */
final class CifSymmetry {

    /** No space group has more operations than Fm-3m's 192 (48 point operations × 4 centrings). */
    static final int MAX_OPERATIONS = 192;

    private static final String[] LOOP_TAGS = {"_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"};
    private static final String[] HM_TAGS = {"_symmetry_space_group_name_h-m", "_space_group_name_h-m_alt"};
    private static final String[] HALL_TAGS = {"_symmetry_space_group_name_hall", "_space_group_name_hall"};
    private static final String[] NUMBER_TAGS = {"_symmetry_int_tables_number", "_space_group_it_number"};

    private CifSymmetry() {
    }

    /**
     * @param operations the operations, identity first
     * @param source     where they came from, for example {@code "operator loop"} or {@code "H-M symbol 'P n m a'"}
     */
    record Resolved(List<SymmetryOperation> operations, String source) {
    }

    static Resolved resolve(CifBlock block, CifPositions positions, List<ReadWarning> warnings) {
        Optional<CifColumn> hmColumn = single(block, HM_TAGS);
        Optional<SpaceGroupType> byHm = hmColumn.flatMap(c -> lookUp(() -> SpaceGroups.byHermannMauguin(c.text(0))));
        Optional<CifColumn> loop = anyValue(block, LOOP_TAGS);
        if (loop.isPresent()) {
            return fromLoop(loop.get(), hmColumn, byHm, positions, warnings);
        }
        Optional<CifColumn> hall = single(block, HALL_TAGS);
        if (byHm.isPresent()) {
            // An H-M symbol without a setting suffix names the default setting (origin choice 1, say);
            // a Hall symbol of the same type names the setting exactly, so it refines the H-M symbol.
            Optional<SpaceGroupType> refined = hall.flatMap(c -> lookUp(() -> SpaceGroups.byHallSymbol(c.text(0))))
                    .filter(t -> t.number() == byHm.get().number());
            if (refined.isPresent()) {
                return resolved(refined.get(), "Hall symbol '" + hall.get().text(0) + "'");
            }
            return resolved(byHm.get(), "H-M symbol '" + hmColumn.get().text(0) + "'");
        }
        hmColumn.ifPresent(c -> warnings.add(positions.warning(c.offset(0),
                "unknown Hermann-Mauguin symbol '" + CifParser.abbreviate(c.text(0)) + "'")));
        if (hall.isPresent()) {
            Optional<SpaceGroupType> type = lookUp(() -> SpaceGroups.byHallSymbol(hall.get().text(0)));
            if (type.isPresent()) {
                return resolved(type.get(), "Hall symbol '" + hall.get().text(0) + "'");
            }
            warnings.add(positions.warning(hall.get().offset(0),
                    "unknown Hall symbol '" + CifParser.abbreviate(hall.get().text(0)) + "'"));
        }
        Optional<CifColumn> number = single(block, NUMBER_TAGS);
        if (number.isPresent()) {
            double n = number.get().number(0);
            if (n >= 1 && n <= 230 && n == Math.rint(n)) {
                return resolved(SpaceGroups.byNumber((int) n), "space-group number " + (int) n);
            }
            warnings.add(positions.warning(number.get().offset(0), "space-group number '"
                    + CifParser.abbreviate(number.get().text(0)) + "' is not in 1..230"));
        }
        warnings.add(positions.warning(block.offset(), "data block '" + block.name()
                + "' gives no usable symmetry (no operator loop, H-M or Hall symbol, or space-group number);"
                + " read as P1"));
        return new Resolved(List.of(SymmetryOperation.IDENTITY), "P1 (no symmetry given)");
    }

    private static Resolved fromLoop(CifColumn loop, Optional<CifColumn> hmColumn, Optional<SpaceGroupType> byHm,
                                     CifPositions positions, List<ReadWarning> warnings) {
        Set<SymmetryOperation> distinct = new LinkedHashSet<>();
        int listed = 0;
        for (int row = 0; row < loop.size(); row++) {
            if (loop.isMissing(row)) {
                continue;
            }
            listed++;
            try {
                distinct.add(SymmetryOperation.parse(loop.text(row)));
            } catch (IllegalArgumentException e) {
                throw positions.error(loop.offset(row), "expected a symmetry operation such as 'x,y+1/2,-z' in "
                        + loop.tag() + ", found '" + CifParser.abbreviate(loop.text(row)) + "' (" + e.getMessage() + ")");
            }
            if (distinct.size() > MAX_OPERATIONS) {
                throw positions.error(loop.offset(row), loop.tag() + " lists more than " + MAX_OPERATIONS
                        + " distinct operations; no space group has that many");
            }
        }
        if (listed > distinct.size()) {
            warnings.add(positions.warning(loop.tagOffset(), loop.tag() + " lists " + listed + " operations of which "
                    + distinct.size() + " are distinct; duplicates ignored"));
        }
        List<SymmetryOperation> ops = new ArrayList<>(distinct.size() + 1);
        if (!distinct.contains(SymmetryOperation.IDENTITY)) {
            warnings.add(positions.warning(loop.tagOffset(), loop.tag() + " does not list the identity x,y,z; added"));
            ops.add(SymmetryOperation.IDENTITY);
        }
        ops.addAll(distinct);
        Optional<SpaceGroupType> listedType = lookUp(() -> SpaceGroups.byOperations(ops));
        // A symbol without a setting suffix names the default setting; a loop in another setting of
        // the same type (Fd-3m origin 2, say) agrees with the file and deserves no warning.
        boolean sameType = listedType.isPresent() && byHm.isPresent()
                && listedType.get().number() == byHm.get().number();
        if (byHm.isPresent() && !sameType
                && !new HashSet<>(SpaceGroups.operations(byHm.get())).equals(new HashSet<>(ops))) {
            String listedGroup = listedType.map(t -> " (" + t.internationalFull() + ")").orElse("");
            warnings.add(positions.warning(loop.tagOffset(), "the " + ops.size() + " operations listed in " + loop.tag()
                    + listedGroup + " differ from the " + SpaceGroups.operations(byHm.get()).size()
                    + " of H-M symbol '" + hmColumn.get().text(0) + "'; the listed operations are used"));
        }
        return new Resolved(List.copyOf(ops), loop.tag());
    }

    private static Resolved resolved(SpaceGroupType type, String source) {
        return new Resolved(SpaceGroups.operations(type), source);
    }

    /** @return the first of the tags with some value that is not {@code ?} or {@code .} */
    private static Optional<CifColumn> anyValue(CifBlock block, String... tags) {
        for (String tag : tags) {
            Optional<CifColumn> c = block.column(tag);
            if (c.isPresent()) {
                for (int row = 0; row < c.get().size(); row++) {
                    if (!c.get().isMissing(row)) {
                        return c;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return the first of the tags whose (first) value is not {@code ?} or {@code .} */
    private static Optional<CifColumn> single(CifBlock block, String... tags) {
        for (String tag : tags) {
            Optional<CifColumn> c = block.column(tag);
            if (c.isPresent() && c.get().size() > 0 && !c.get().isMissing(0)) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Symbol look-ups answer empty for symbols they do not know; a refusal counts as unknown too. */
    private static Optional<SpaceGroupType> lookUp(java.util.function.Supplier<Optional<SpaceGroupType>> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
