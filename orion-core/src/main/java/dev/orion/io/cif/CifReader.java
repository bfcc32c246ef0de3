package dev.orion.io.cif;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads CIF 1.1 files (Crystallographic Information Framework) into structures: one structure per
 * data block that has atom sites, expanded to the full unit cell with the block's symmetry.
 *
 * <pre>{@code
 * ReadResult all = new CifReader().read(SourceText.of(path, text), ReadOptions.defaults());
 * Structure first = all.structures().get(0);      // its property "cif_block" names the block
 * }</pre>
 *
 * <p>What is read: the cell ({@code _cell_length_*}, {@code _cell_angle_*}); the atom sites
 * ({@code _atom_site_fract_*}, else {@code _atom_site_Cartn_*} with a warning; species from
 * {@code _atom_site_type_symbol}, else the label, read leniently: {@code CA} is Ca, {@code Fe1}
 * is Fe, {@code O2-} is O with oxidation state -2; occupancies from {@code _atom_site_occupancy},
 * default 1; oxidation states from {@code _atom_type_oxidation_number}); the symmetry, from the
 * operator loop, else the H-M symbol, the Hall symbol, the space-group number, else P1 with a
 * warning. Every site is expanded by every operation and wrapped into [0, 1); images of one site
 * within {@link ReadOptions#mergeDistance()} are one atom; different sites on one position become
 * one disordered {@link dev.orion.structure.Site}; totals of occupancy over 1 are rescaled up to
 * {@link ReadOptions#occupancyTolerance()} (with a warning) and rejected above it.
 *
 * <p>Stateless and thread-safe. Time and memory are linear in the input (plus the expansion,
 * which {@link ReadOptions#maxSites()} bounds); the only exception is
 * {@link StructureParseException}, naming the line and column.
 */
public final class CifReader implements StructureReader {

    /** Creates a reader; it holds no state. */
    public CifReader() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.CIF;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        List<ReadWarning> warnings = new ArrayList<>();
        CifPositions positions = new CifPositions(text);
        List<CifBlock> blocks = CifParser.parse(positions, warnings);
        if (blocks.isEmpty()) {
            throw text.error(1, 1, "expected a data_ block header, found none: this is not a CIF");
        }
        List<Structure> structures = new ArrayList<>();
        List<CifBlock> skipped = new ArrayList<>();
        for (CifBlock block : blocks) {
            Optional<Structure> structure = CifStructureBuilder.build(block, positions, options, warnings);
            if (structure.isPresent()) {
                structures.add(structure.get());
            } else {
                skipped.add(block);
            }
        }
        if (!skipped.isEmpty() && !structures.isEmpty()) {
            warnings.add(positions.warning(skipped.get(0).offset(), skipped.size() == 1
                    ? "data block '" + skipped.get(0).name() + "' has no atom sites; skipped"
                    : skipped.size() + " data blocks have no atom sites (the first is '" + skipped.get(0).name()
                    + "'); skipped"));
        }
        if (structures.isEmpty()) {
            throw positions.error(blocks.get(0).offset(), "expected atom sites (_atom_site_fract_x/y/z or "
                    + "_atom_site_Cartn_x/y/z) in a data block, found none in " + blocks.size() + " block(s)");
        }
        return ReadResult.ofStructures(structures, warnings);
    }
}
