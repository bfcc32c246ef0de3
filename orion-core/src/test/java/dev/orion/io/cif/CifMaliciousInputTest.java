package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.structure.Structure;
import dev.orion.analysis.symmetry.SpaceGroups;
import dev.orion.symmetry.SymmetryOperation;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to hurt: huge loops, unterminated fields, absurd numbers, the largest expansions.
 * The time limits are hang guards far above the measured times (tens to hundreds of ms), not
 * benchmarks.
 */
class CifMaliciousInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String CELL = "data_m\n_cell_length_a 100\n_cell_length_b 100\n_cell_length_c 100\n"
            + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n";
    private static final String SITE_LOOP = "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
            + "_atom_site_fract_z\n";

    /** Above the default maxSites: these inputs test the time a read takes, not the size limit. */
    private static final ReadOptions LARGE = ReadOptions.builder().maxSites(2_000_000).build();

    @Test
    void aLoopOfMillionsOfUnknownValues() {
        StringBuilder sb = new StringBuilder(CELL).append(SITE_LOOP);
        for (int i = 0; i < 1_000_000; i++) {
            sb.append("? ? ? ?\n");
        }
        assertThat(CifReaderTest.failure(sb.toString()).reason()).contains("more than maxSites = 100000");
        StructureParseException e = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.failure(sb.toString(), LARGE));
        assertThat(e.reason()).contains("none of the 1000000 atom sites has known coordinates");
        assertThat(e.line()).isEqualTo(10);

        String other = CELL + "loop_\n_other\n" + "? ".repeat(2_000_000) + "\n" + SITE_LOOP + "Fe1 0 0 0\n";
        ReadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.read(other));
        assertThat(result.structures().get(0).size()).isEqualTo(1);
    }

    @Test
    void unterminatedTextFieldInALargeFile() {
        String text = CELL + SITE_LOOP + "Fe1 0 0 0\n".repeat(100_000) + "_title\n;never closed\n" + "x\n".repeat(100_000);
        StructureParseException e = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.failure(text));
        assertThat(e.line()).isEqualTo(7 + 6 + 100_000 + 1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).contains("unterminated text field");
    }

    @Test
    void absurdNumbers() {
        StructureParseException e = CifReaderTest.failure(CELL.replace("_cell_length_a 100", "_cell_length_a 1e308")
                + SITE_LOOP + "Fe1 0 0 0\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("expected _cell_length_a to be a length");

        e = CifReaderTest.failure(CELL + SITE_LOOP + "Fe1 1e999 0 0\n");
        assertThat(e.reason()).contains("expected a number for _atom_site_fract_x, found '1e999'");

        e = CifReaderTest.failure(CELL + SITE_LOOP + "Fe1 " + "9".repeat(100_000) + " 0 0\n");
        assertThat(e.reason()).contains("expected a number for _atom_site_fract_x");

        Structure s = CifReaderTest.read(CELL + SITE_LOOP + "Fe1 1e300 -7.25 123456789.5\n").structures().get(0);
        assertThat(s.frac(0)).containsExactly(0.0, 0.75, 0.5);

        e = CifReaderTest.failure(CELL + "_space_group_IT_number 99999999999999999999\n" + SITE_LOOP
                + "Fe1 0 0 0\n_atom_site_occupancy 1e999\n");
        assertThat(e.reason()).contains("expected an occupancy in [0, 1.05]").contains("'1e999'");
    }

    @Test
    void moreOperationsThanAnySpaceGroupHas() {
        StringBuilder sb = new StringBuilder(CELL).append("loop_\n_symmetry_equiv_pos_as_xyz\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append("x+").append(i).append("/100003,y,z\n");
        }
        StructureParseException e = CifReaderTest.failure(sb.append(SITE_LOOP).append("Fe1 0 0 0\n").toString());
        assertThat(e.reason()).contains("more than 192 distinct operations");
        assertThat(e.line()).isEqualTo(10 + 192);
    }

    @Test
    void operatorLoopOf192OperationsOver2000Sites() {
        StringBuilder sb = new StringBuilder(CELL).append("loop_\n_space_group_symop_operation_xyz\n");
        for (SymmetryOperation op : SpaceGroups.operations(SpaceGroups.byNumber(225))) {
            sb.append('\'').append(op.toXyz()).append("'\n");
        }
        sb.append(SITE_LOOP);
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            // General positions well away from every mirror and axis of Fm-3m: no image merges.
            double x = 0.01 + 0.06 * random.nextDouble();
            double y = x + 0.02 + 0.06 * random.nextDouble();
            double z = y + 0.02 + 0.06 * random.nextDouble();
            sb.append(String.format(Locale.ROOT, "C%d %.6f %.6f %.6f%n", i, x, y, z));
        }
        ReadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.read(sb.toString(), LARGE));
        assertThat(result.structures().get(0).size()).isEqualTo(192 * 2000);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void thousandsOfSitesOnOnePositionOrPackedWithinTheMergeDistance() {
        StringBuilder sb = new StringBuilder(CELL).append("_space_group_IT_number 221\n")
                .append("loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
                        + "_atom_site_occupancy\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("Fe").append(i).append(" 0.5 0.5 0.5 0.00008\n");
        }
        Structure one = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.read(sb.toString()))
                .structures().get(0);
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.site(0).totalOccupancy()).isBetween(0.79, 0.81);

        StringBuilder packed = new StringBuilder(CELL).append(SITE_LOOP);
        for (int i = 0; i < 10_000; i++) {
            // 0.011 Å apart: beyond the coincidence distance, well within the merge distance.
            packed.append(String.format(Locale.ROOT, "C%d %.6f %.6f %.6f%n", i, 0.2 + (i % 100) * 1.1e-4,
                    0.3 + (i / 100 % 100) * 1.1e-4, 0.4 + (i / 10_000) * 1.1e-4));
        }
        ReadOptions gemmiLike = ReadOptions.builder().mergeDistance(0.4).build();
        Structure line = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.read(packed.toString(), gemmiLike))
                .structures().get(0);
        assertThat(line.size()).isEqualTo(10_000);
    }

    @Test
    void manyEmptyBlocksGiveOneWarning() {
        String text = "data_e\n".repeat(100_000) + CELL + SITE_LOOP + "Fe1 0 0 0\n";
        ReadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> CifReaderTest.read(text));
        assertThat(result.structures()).hasSize(1);
        assertThat(result.warnings()).extracting(ReadWarning::message)
                .filteredOn(m -> m.contains("have no atom sites")).singleElement()
                .satisfies(m -> assertThat(m).startsWith("100000 data blocks"));
    }
}
