package dev.orion.io.cif;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadWarning;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the structure of one data block: cell, asymmetric unit, symmetry, expansion, and the
 * occupancy rules (one site per position; totals over 1 but within the tolerance rescaled).
 */
final class CifStructureBuilder {

    /**
     * Å; images of different atom sites closer than this share one position (mixed occupancy,
     * which files write with identical coordinates), capped at the merge distance.
     */
    static final double COINCIDENCE = 0.01;
    /** Totals up to this much over 1 are rounding and rescaled without a warning. */
    private static final double ROUNDING = 1e-6;

    private static final String[] COORDINATE_TAGS = {"_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z",
        "_atom_site_cartn_x", "_atom_site_cartn_y", "_atom_site_cartn_z"};

    /** Property naming the data block a structure came from. */
    static final String BLOCK_PROPERTY = "cif_block";

    private CifStructureBuilder() {
    }

    /** @return the structure of the block, or empty if it has no atom sites */
    static Optional<Structure> build(CifBlock block, CifPositions positions, ReadOptions options,
                                     List<ReadWarning> warnings) {
        if (block.first(COORDINATE_TAGS).isEmpty()) {
            return Optional.empty();
        }
        Lattice lattice = CifCell.read(block, positions, warnings);
        CifAtomSites sites = CifAtomSites.read(block, lattice, positions, options, warnings).orElseThrow();
        CifSymmetry.Resolved symmetry = CifSymmetry.resolve(block, positions, warnings);
        SiteExpansion expansion = new SiteExpansion(lattice.matrix(), options.mergeDistance(), COINCIDENCE,
                sites.count, symmetry.operations().size());
        if (expansion.degenerate() && symmetry.operations().size() > 1) {
            warnings.add(positions.warning(block.offset(), "the cell is thinner than twice the merge distance; "
                    + "symmetry images were merged only where their fractional coordinates coincide"));
        }
        try {
            for (int i = 0; i < sites.count; i++) {
                expansion.add(i, sites.x[i], sites.y[i], sites.z[i], symmetry.operations(), options.maxSites());
            }
        } catch (SiteExpansion.TooManySites e) {
            throw positions.error(block.offset(), "data block '" + block.name() + "' expands to more than maxSites = "
                    + options.maxSites() + " sites with the " + symmetry.operations().size() + " operations of "
                    + symmetry.source());
        }
        StructureBuilder builder = Structure.builder().lattice(lattice);
        assemble(expansion, sites, builder, positions, options, warnings);
        builder.property(BLOCK_PROPERTY, block.name());
        return Optional.of(builder.build());
    }

    private static void assemble(SiteExpansion expansion, CifAtomSites sites, StructureBuilder builder,
                                 CifPositions positions, ReadOptions options, List<ReadWarning> warnings) {
        int groups = expansion.groups();
        int entries = expansion.entries();
        // Chain the images of each position, in the order they were made.
        int[] nextInGroup = new int[entries];
        int[] tail = new int[groups];
        Arrays.fill(tail, -1);
        for (int e = 0; e < entries; e++) {
            nextInGroup[e] = -1;
            int g = expansion.entryGroup(e);
            if (tail[g] >= 0) {
                nextInGroup[tail[g]] = e;
            }
            tail[g] = e;
        }
        int rescaled = 0;
        int firstRescaled = -1;
        for (int g = 0; g < groups; g++) {
            int first = expansion.groupEntry(g);
            int site = expansion.entrySite(first);
            double x = expansion.entryX(first);
            double y = expansion.entryY(first);
            double z = expansion.entryZ(first);
            if (nextInGroup[first] < 0 && sites.occupancy[site] == 1.0) {
                builder.addSite(sites.species[site], x, y, z);
                if (!sites.label[site].isEmpty()) {
                    builder.label(builder.size() - 1, sites.label[site]);
                }
                continue;
            }
            Map<Species, Double> occupancies = new LinkedHashMap<>();
            double total = 0;
            for (int e = first; e >= 0; e = nextInGroup[e]) {
                int s = expansion.entrySite(e);
                occupancies.merge(sites.species[s], sites.occupancy[s], Double::sum);
                total += sites.occupancy[s];
            }
            if (total > 1 + ROUNDING) {
                if (total > options.occupancyTolerance()) {
                    throw positions.error(sites.offset[site], String.format(Locale.ROOT,
                            "the atom sites at (%.6f, %.6f, %.6f) (%s) have a total occupancy of %.6g, more than "
                                    + "occupancyTolerance = %s", x, y, z, labels(expansion, sites, first, nextInGroup),
                            total, options.occupancyTolerance()));
                }
                rescaled++;
                firstRescaled = firstRescaled < 0 ? sites.offset[site] : firstRescaled;
            }
            if (total > 1) {
                double scale = 1 / total;
                occupancies.replaceAll((sp, occ) -> Math.min(1.0, occ * scale));
            }
            builder.addSite(Site.builder().species(occupancies).frac(x, y, z).label(sites.label[site]).build());
        }
        if (rescaled > 0) {
            warnings.add(positions.warning(firstRescaled, rescaled + " position(s) had a total occupancy over 1 "
                    + "(within occupancyTolerance = " + options.occupancyTolerance() + "); rescaled to 1"));
        }
    }

    private static String labels(SiteExpansion expansion, CifAtomSites sites, int first, int[] nextInGroup) {
        StringBuilder sb = new StringBuilder();
        for (int e = first; e >= 0 && sb.length() < 200; e = nextInGroup[e]) {
            sb.append(sb.length() == 0 ? "" : ", ").append(sites.label[expansion.entrySite(e)]);
        }
        return sb.toString();
    }
}
