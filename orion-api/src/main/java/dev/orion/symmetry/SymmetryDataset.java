package dev.orion.symmetry;

import dev.orion.structure.Structure;
import java.util.List;
import java.util.Objects;

/**
 * What a symmetry analysis found in a structure, in the terms of spglib's dataset: the space
 * group (as the default Hall setting of its type), the operations of the analysed cell, which
 * sites are equivalent, the change of basis to the standard setting, and the standardised cells.
 *
 * <pre>{@code
 * SymmetryDataset d = Symmetry.of(structure);          // orion-core, symprec 1e-5 Å
 * d.spaceGroupNumber();                                 // 227
 * d.spaceGroupSymbol();                                 // "Fd-3m"
 * d.conventional();                                     // 8-atom cubic cell of silicon
 * }</pre>
 *
 * @param spaceGroup      the default setting of the space-group type (spglib's Hall number)
 * @param symprec         the distance tolerance the analysis was asked for, Å
 * @param angleTolerance  the angle tolerance asked for, degrees; negative for spglib's default
 * @param operations      the operations that map the analysed cell onto itself, in its
 *                        fractional coordinates, identity first; pure translations of a
 *                        supercell included
 * @param equivalentAtoms for each site, the lowest index of a site equivalent to it by symmetry
 * @param wyckoffLetters  for each site, the letter of its Wyckoff position in the standard setting
 * @param siteSymmetrySymbols for each site, the oriented site-symmetry symbol of its Wyckoff
 *                        position, as spglib prints it without spaces (for example {@code -43m},
 *                        {@code .m.}, {@code 4mm})
 * @param transformation  from the analysed cell to the standard conventional cell
 * @param conventional    the standardised conventional cell (idealised lattice in the standard
 *                        orientation, symmetrised positions), as spglib's
 *                        {@code standardize_cell(to_primitive=False)}
 * @param primitive       the standardised primitive cell, as spglib's
 *                        {@code standardize_cell(to_primitive=True)}
 */
public record SymmetryDataset(
        SpaceGroupType spaceGroup,
        double symprec,
        double angleTolerance,
        List<SymmetryOperation> operations,
        List<Integer> equivalentAtoms,
        List<String> wyckoffLetters,
        List<String> siteSymmetrySymbols,
        SettingTransformation transformation,
        Structure conventional,
        Structure primitive) {

    /** Validates and copies the lists. */
    public SymmetryDataset {
        Objects.requireNonNull(spaceGroup, "spaceGroup");
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(conventional, "conventional");
        Objects.requireNonNull(primitive, "primitive");
        operations = List.copyOf(operations);
        equivalentAtoms = List.copyOf(equivalentAtoms);
        wyckoffLetters = List.copyOf(wyckoffLetters);
        siteSymmetrySymbols = List.copyOf(siteSymmetrySymbols);
        if (wyckoffLetters.size() != equivalentAtoms.size() || siteSymmetrySymbols.size() != equivalentAtoms.size()) {
            throw new IllegalArgumentException("equivalentAtoms, wyckoffLetters and siteSymmetrySymbols need one entry per site, had "
                    + equivalentAtoms.size() + ", " + wyckoffLetters.size() + " and " + siteSymmetrySymbols.size());
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations must contain at least the identity");
        }
    }

    /** The International Tables number, 1..230. */
    public int spaceGroupNumber() {
        return spaceGroup.number();
    }

    /** The short Hermann–Mauguin symbol as spglib and pymatgen print it, for example {@code Fm-3m}. */
    public String spaceGroupSymbol() {
        return spaceGroup.international();
    }

    /** The Hall number of the default setting, 1..530. */
    public int hallNumber() {
        return spaceGroup.hallNumber();
    }

    /** The Hall symbol of the default setting, for example {@code -F 4 2 3}. */
    public String hallSymbol() {
        return spaceGroup.hallSymbol();
    }

    /** The international symbol of the point group, for example {@code m-3m}. */
    public String pointGroup() {
        return spaceGroup.pointGroup();
    }

    /** The crystal system. */
    public CrystalSystem crystalSystem() {
        return spaceGroup.crystalSystem();
    }

    /**
     * The refined structure: spglib's {@code refine_cell}, which is the standardised conventional
     * cell with symmetrised positions, the same as {@link #conventional()}.
     */
    public Structure refined() {
        return conventional;
    }
}
