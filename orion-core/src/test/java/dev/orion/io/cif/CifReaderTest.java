package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.analysis.symmetry.SpaceGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From CIF data to structures: cell, sites, species, occupancies, symmetry, expansion, errors. */
class CifReaderTest {

    private static final String CUBIC = "data_nacl\n_cell_length_a 5.64\n_cell_length_b 5.64\n_cell_length_c 5.64\n"
            + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n";
    private static final String NACL_SITES = "loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n"
            + "_atom_site_fract_y\n_atom_site_fract_z\nNa1 Na 0 0 0\nCl1 Cl 0.5 0.5 0.5\n";

    static ReadResult read(String text) {
        return read(text, ReadOptions.defaults());
    }

    static ReadResult read(String text, ReadOptions options) {
        return new CifReader().read(SourceText.of("t.cif", text), options);
    }

    static StructureParseException failure(String text) {
        return failure(text, ReadOptions.defaults());
    }

    static StructureParseException failure(String text, ReadOptions options) {
        try {
            read(text, options);
        } catch (StructureParseException e) {
            return e;
        }
        throw new AssertionError("expected a StructureParseException for:\n" + text);
    }

    private static List<String> messages(ReadResult result) {
        return result.warnings().stream().map(ReadWarning::message).toList();
    }

    @Test
    void rockSaltFromEachKindOfSymmetryInformation() {
        for (String symmetry : List.of("_symmetry_space_group_name_H-M 'F m -3 m'\n", "_space_group_name_H-M_alt 'Fm-3m'\n",
                "_symmetry_space_group_name_Hall '-F 4 2 3'\n", "_space_group_name_Hall '-F 4 2 3'\n",
                "_symmetry_Int_Tables_number 225\n", "_space_group_IT_number 225\n")) {
            ReadResult result = read(CUBIC + symmetry + NACL_SITES);
            Structure s = result.structures().get(0);
            assertThat(s.size()).as(symmetry).isEqualTo(8);
            assertThat(s.composition().amount(Element.Na)).isEqualTo(4.0);
            assertThat(s.composition().amount(Element.Cl)).isEqualTo(4.0);
            assertThat(result.warnings()).as(symmetry).isEmpty();
            assertThat(s.properties()).containsEntry("cif_block", "nacl");
        }
    }

    @Test
    void withoutSymmetryItIsP1WithAWarning() {
        ReadResult result = read(CUBIC + NACL_SITES);
        assertThat(result.structures().get(0).size()).isEqualTo(2);
        assertThat(messages(result)).anyMatch(m -> m.contains("read as P1"));
    }

    @Test
    void unknownSymbolsFallBackToTheNextSource() {
        ReadResult result = read(CUBIC + "_symmetry_space_group_name_H-M 'Q 9'\n_space_group_IT_number 221\n" + NACL_SITES);
        assertThat(result.structures().get(0).size()).isEqualTo(2);
        assertThat(messages(result)).anyMatch(m -> m.contains("unknown Hermann-Mauguin symbol 'Q 9'"));
    }

    @Test
    void listedOperatorsAreDeduplicatedAndWinOverTheSymbol() {
        String ops = "_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_symmetry_equiv_pos_as_xyz\n"
                + "x,y,z\n'-x, -y, -z'\n+x,+y,+z\n";
        ReadResult result = read(CUBIC + ops + NACL_SITES.replace("0.5 0.5 0.5", "0.25 0.1 0.3"));
        Structure s = result.structures().get(0);
        assertThat(s.size()).isEqualTo(3);
        assertThat(messages(result)).anyMatch(m -> m.contains("lists 3 operations of which 2 are distinct"))
                .anyMatch(m -> m.contains("differ from the 192 of H-M symbol 'F m -3 m'"));
    }

    @Test
    void anOperatorLoopInAnotherSettingOfTheNamedTypeIsNotWarnedAbout() {
        StringBuilder text = new StringBuilder(CUBIC).append("_symmetry_space_group_name_H-M 'F d -3 m'\n")
                .append("loop_\n_space_group_symop_operation_xyz\n");
        SpaceGroupType origin2 = SpaceGroups.settings(227).get(1);
        assertThat(origin2.choice()).isEqualTo("2");
        SpaceGroups.operations(origin2).forEach(op -> text.append('\'').append(op.toXyz()).append("'\n"));
        ReadResult result = read(text + NACL_SITES.replace("Cl1 Cl 0.5 0.5 0.5\n", ""));
        assertThat(result.structures().get(0).size()).as("Wyckoff 16c of origin choice 2").isEqualTo(16);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aHallSymbolOfTheSameTypeRefinesTheSettingOfAnHmSymbol() {
        String sites = NACL_SITES.replace("Cl1 Cl 0.5 0.5 0.5\n", "");
        String hm = "_symmetry_space_group_name_H-M 'F d -3 m'\n";
        assertThat(read(CUBIC + hm + sites).structures().get(0).size()).as("origin choice 1: 8a").isEqualTo(8);
        String origin2 = hm + "_symmetry_space_group_name_Hall '-F 4vw 2vw 3'\n";
        assertThat(read(CUBIC + origin2 + sites).structures().get(0).size()).as("origin choice 2: 16c").isEqualTo(16);
        String otherType = hm + "_symmetry_space_group_name_Hall '-P 1'\n";
        assertThat(read(CUBIC + otherType + sites).structures().get(0).size()).as("H-M wins").isEqualTo(8);
    }

    @Test
    void anOperatorLoopWithoutTheIdentityGetsIt() {
        ReadResult result = read(CUBIC + "loop_\n_space_group_symop_operation_xyz\n-x,-y,-z\n"
                + NACL_SITES.replace("0.5 0.5 0.5", "0.25 0.1 0.3"));
        assertThat(result.structures().get(0).size()).isEqualTo(3);
        assertThat(messages(result)).anyMatch(m -> m.contains("does not list the identity"));
    }

    @Test
    void aBadOperatorIsAnErrorAtItsPosition() {
        StructureParseException e = failure(CUBIC + "loop_\n_space_group_symop_operation_xyz\nx,y,z\n  'x,y,w'\n" + NACL_SITES);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).contains("expected a symmetry operation").contains("x,y,w");
    }

    @Test
    void specialPositionsWrittenWithFourDecimalsMergeUnderTheDefault() {
        String hcp = "data_mg\n_cell_length_a 3.21\n_cell_length_b 3.21\n_cell_length_c 5.21\n_cell_angle_alpha 90\n"
                + "_cell_angle_beta 90\n_cell_angle_gamma 120\n_symmetry_space_group_name_H-M 'P 63/m m c'\n"
                + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
                + "Mg1 0.3333 0.6667 0.25\n";
        Structure s = read(hcp).structures().get(0);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.fracX(0)).isCloseTo(0.3333, within(1e-12));
    }

    @Test
    void mergeDistanceDecidesWhetherNearImagesAreOneAtom() {
        String text = "data_p\n_cell_length_a 10\n_cell_length_b 10\n_cell_length_c 10\n_symmetry_Int_Tables_number 2\n"
                + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nC1 0.01 0 0\n";
        assertThat(read(text).structures().get(0).size()).isEqualTo(2);
        assertThat(read(text, ReadOptions.builder().mergeDistance(0.4).build()).structures().get(0).size()).isEqualTo(1);
    }

    @Test
    void differentSitesOnOnePositionBecomeOneDisorderedSite() {
        String text = CUBIC + "_symmetry_space_group_name_H-M 'P m -3 m'\nloop_\n_atom_site_label\n_atom_site_type_symbol\n"
                + "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n"
                + "Sn2 Sn 0.5 0.5 0.5 0.9\nCs1 Cs 0 0 0 1\nIn In 0.5 0.5 0.5 0.0672(3)\n";
        ReadResult result = read(text);
        Structure s = result.structures().get(0);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.speciesAt(0)).containsExactly(Map.entry(Species.of(Element.Sn), 0.9),
                Map.entry(Species.of(Element.In), 0.0672));
        assertThat(s.label(0)).isEqualTo("Sn2");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void occupanciesOverOneAreRescaledWithinTheToleranceAndRejectedAbove() {
        String template = CUBIC + "_symmetry_Int_Tables_number 1\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
                + "_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\nFe1 0.1 0.2 0.3 %s\nNi1 0.1 0.2 0.3 %s\n";
        ReadResult result = read(String.format(template, "0.52", "0.52"));
        Map<Species, Double> species = result.structures().get(0).speciesAt(0);
        assertThat(species.get(Species.of(Element.Fe))).isCloseTo(0.5, within(1e-12));
        assertThat(species.get(Species.of(Element.Ni))).isCloseTo(0.5, within(1e-12));
        assertThat(messages(result)).anyMatch(m -> m.contains("rescaled to 1"));

        StructureParseException e = failure(String.format(template, "0.6", "0.6"));
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).contains("total occupancy of 1.2").contains("Fe1, Ni1");

        e = failure(String.format(template, "1.5", "0"));
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).contains("expected an occupancy");

        ReadResult strictPass = read(String.format(template, "0.6", "0.6"),
                ReadOptions.builder().occupancyTolerance(1.25).build());
        assertThat(strictPass.structures().get(0).speciesAt(0).values()).allSatisfy(v -> assertThat(v).isEqualTo(0.5));
    }

    @Test
    void zeroOccupancyRowsAreSkipped() {
        ReadResult result = read(CUBIC + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\n_atom_site_occupancy\nFe1 0.1 0.2 0.3 0\nO1 0.5 0.5 0.5 1\n");
        assertThat(result.structures().get(0).size()).isEqualTo(1);
        assertThat(messages(result)).anyMatch(m -> m.contains("occupancy 0"));
    }

    @Test
    void speciesFromTypeSymbolLabelAndAtomTypeOxidationNumbers() {
        String text = CUBIC + "_symmetry_Int_Tables_number 1\nloop_\n_atom_type_symbol\n_atom_type_oxidation_number\n"
                + "Fe 3\nO -2\nloop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\nFe1 Fe 0 0 0\nO1 O 0.5 0 0\nNA1 ? 0 0.5 0\nX1 Na1+ 0 0 0.5\nCa CA 0.5 0.5 0.5\n";
        Structure s = read(text).structures().get(0);
        assertThat(s.speciesAt(0).keySet()).containsExactly(Species.of(Element.Fe, 3));
        assertThat(s.speciesAt(1).keySet()).containsExactly(Species.of(Element.O, -2));
        assertThat(s.speciesAt(2).keySet()).containsExactly(Species.of(Element.Na));
        assertThat(s.speciesAt(3).keySet()).containsExactly(Species.of(Element.Na, 1));
        assertThat(s.speciesAt(4).keySet()).containsExactly(Species.of(Element.Ca));
        assertThat(s.label(2)).isEqualTo("NA1");
    }

    @Test
    void anUnknownElementIsAnErrorAtItsSymbol() {
        StructureParseException e = failure(CUBIC + "loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n"
                + "_atom_site_fract_y\n_atom_site_fract_z\nQ1 Qq 0 0 0\n");
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.reason()).contains("cannot tell the element of _atom_site_type_symbol 'Qq'");
    }

    @Test
    void cartesianCoordinatesAreConvertedWithAWarning() {
        ReadResult result = read(CUBIC + "loop_\n_atom_site_label\n_atom_site_Cartn_x\n_atom_site_Cartn_y\n"
                + "_atom_site_Cartn_z\nFe1 2.82 1.41 0\n");
        Structure s = result.structures().get(0);
        assertThat(s.frac(0)).containsExactly(new double[] {0.5, 0.25, 0}, within(1e-12));
        assertThat(messages(result)).anyMatch(m -> m.contains("Cartesian"));
    }

    @Test
    void rowsWithUnknownCoordinatesAreSkippedWithOneWarning() {
        ReadResult result = read(CUBIC + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\n? ? ? ?\nFe1 0 0 0\nFe2 . . .\n");
        assertThat(result.structures().get(0).size()).isEqualTo(1);
        assertThat(messages(result)).filteredOn(m -> m.contains("unknown")).hasSize(1)
                .allMatch(m -> m.contains("skipped 2"));
    }

    @Test
    void cellErrorsAndDefaults() {
        String sites = "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nFe1 0 0 0\n";
        StructureParseException e = failure("data_x\n_cell_length_a 5\n_cell_length_b 5\n" + sites);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("_cell_length_c");

        e = failure("data_x\n_cell_length_a 5\n_cell_length_b -5\n_cell_length_c 5\n" + sites);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.reason()).contains("expected _cell_length_b to be a length");

        e = failure("data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_cell_angle_alpha 10\n"
                + "_cell_angle_beta 10\n_cell_angle_gamma 170\n" + sites);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).contains("cannot form a cell");

        ReadResult result = read("data_x\n_cell_length_a 5\n_cell_length_b 6\n_cell_length_c 7\n" + sites);
        assertThat(result.structures().get(0).lattice().volume()).isCloseTo(210, within(1e-9));
        assertThat(messages(result)).anyMatch(m -> m.contains("_cell_angle_alpha") && m.contains("90 degrees assumed"));
    }

    @Test
    void coordinateErrorsNameTheValue() {
        StructureParseException e = failure(CUBIC + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\nFe1 0 0 0\nFe2 0.1 zero 0\n");
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.reason()).contains("expected a number for _atom_site_fract_y, found 'zero'");

        e = failure(CUBIC + "loop_\n_atom_site_label\n_atom_site_fract_z\nFe1 0\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("has atom-site coordinates but no _atom_site_fract_x");

        e = failure(CUBIC + "loop_\n_atom_site_fract_x\n_atom_site_fract_y\n0 0\nloop_\n_atom_site_fract_z\n0\n1\n");
        assertThat(e.reason()).contains("must come from one loop");
    }

    @Test
    void severalBlocksGiveSeveralStructuresAndBlocksWithoutSitesAreSkipped() {
        ReadResult result = read("data_global\n_journal_year 2006\n" + CUBIC + NACL_SITES + CUBIC.replace("nacl", "second")
                + NACL_SITES);
        assertThat(result.structures()).hasSize(2);
        assertThat(result.structures()).extracting(s -> s.properties().get("cif_block")).containsExactly("nacl", "second");
        assertThat(messages(result)).anyMatch(m -> m.contains("'global' has no atom sites"));
    }

    @Test
    void inputsWithoutStructures() {
        StructureParseException e = failure("");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("data_");

        e = failure("data_a\n_journal_year 2006\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("expected atom sites");
    }

    @Test
    void maxSitesBoundsTheExpansion() {
        ReadOptions small = ReadOptions.builder().maxSites(7).build();
        StructureParseException e = failure(CUBIC + "_symmetry_space_group_name_H-M 'F m -3 m'\n" + NACL_SITES, small);
        assertThat(e.reason()).contains("more than maxSites = 7");
        assertThat(read(CUBIC + "_symmetry_space_group_name_H-M 'F m -3 m'\n" + NACL_SITES,
                ReadOptions.builder().maxSites(8).build()).structures().get(0).size()).isEqualTo(8);
        e = failure(CUBIC + NACL_SITES, ReadOptions.builder().maxSites(1).build());
        assertThat(e.reason()).contains("2 rows, more than maxSites = 1");
    }

    @Test
    void structuresEntryPointReadsCif() {
        Structure s = Structures.read(CUBIC + "_space_group_IT_number 225\n" + NACL_SITES, StructureFormat.CIF);
        assertThat(s.size()).isEqualTo(8);
        assertThatThrownBy(() -> Structures.read("data_x\n_a 'b\n", StructureFormat.CIF))
                .isInstanceOf(StructureParseException.class).hasMessageContaining("unterminated");
    }
}
