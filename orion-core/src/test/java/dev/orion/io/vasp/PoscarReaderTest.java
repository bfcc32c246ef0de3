package dev.orion.io.vasp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written POSCARs: every layout variant the reader must understand. */
class PoscarReaderTest {

    static final String BN = """
            Cubic BN
            3.57
            0.0 0.5 0.5
            0.5 0.0 0.5
            0.5 0.5 0.0
            B N
            1 1
            Direct
            0.00 0.00 0.00
            0.25 0.25 0.25
            """;

    static ReadResult read(String text) {
        return new PoscarReader().read(SourceText.of("POSCAR", text), ReadOptions.defaults());
    }

    static Structure structure(String text) {
        ReadResult r = read(text);
        assertThat(r.structures()).hasSize(1);
        assertThat(r.molecules()).isEmpty();
        return r.structures().get(0);
    }

    @Test
    void readsVasp5WithScaleAndSpecies() {
        ReadResult r = read(BN);
        Structure s = r.structures().get(0);
        assertThat(r.warnings()).isEmpty();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.lattice().matrix()[0]).containsExactly(0.0, 1.785, 1.785);
        assertThat(s.site(0).specie().element()).isEqualTo(Element.B);
        assertThat(s.site(1).specie().element()).isEqualTo(Element.N);
        assertThat(s.site(1).frac()).containsExactly(0.25, 0.25, 0.25);
        assertThat(s.properties()).containsEntry("title", "Cubic BN");
        assertThat(s.site(0).properties()).doesNotContainKey("selective_dynamics");
    }

    @Test
    void windowsLineEndingsAndTabsReadTheSame() {
        Structure unix = structure(BN);
        Structure windows = structure(BN.replace("\n", "\r\n").replace(" ", "\t"));
        assertThat(windows.almostEquals(unix, 0)).isTrue();
        assertThat(windows.properties()).containsEntry("title", "Cubic\tBN");
        Structure oldMac = structure(BN.replace("\n", "\r"));
        assertThat(oldMac.almostEquals(unix, 0)).isTrue();
    }

    @Test
    void negativeScaleIsTheTargetVolume() {
        Structure s = structure(BN.replace("3.57", "-45.5"));
        assertThat(s.lattice().volume()).isCloseTo(45.5, within(1e-10));
        // the shape is unchanged: fcc vectors of equal length
        assertThat(s.lattice().a()).isCloseTo(s.lattice().b(), within(1e-12));
        assertThat(s.site(1).frac()).containsExactly(0.25, 0.25, 0.25);
    }

    @Test
    void threeScaleFactorsScaleCartesianComponents() {
        Structure s = structure("""
                per-axis
                2.0 3.0 4.0
                1 0 0
                0 1 0
                0.5 0 1
                Si
                1
                Cartesian
                1.0 1.5 2.0
                """);
        assertThat(s.lattice().matrix()[0]).containsExactly(2.0, 0.0, 0.0);
        assertThat(s.lattice().matrix()[1]).containsExactly(0.0, 3.0, 0.0);
        assertThat(s.lattice().matrix()[2]).containsExactly(1.0, 0.0, 4.0);
        // Cartesian (2, 4.5, 8) -> c = 2, b = 1.5, a = (2 - 1*2)/2 = 0
        assertThat(s.site(0).x()).isCloseTo(0.0, within(1e-12));
        assertThat(s.site(0).y()).isCloseTo(1.5, within(1e-12));
        assertThat(s.site(0).z()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void cartesianPositionsAreScaledThenMadeFractional() {
        Structure s = structure("""
                scaled cartesian
                2.0
                1 0 0
                0 2 0
                0 0 3
                O
                1
                k
                0.5 1.0 0.75
                """);
        assertThat(s.site(0).frac()).containsExactly(0.5, 0.5, 0.25);
    }

    @Test
    void selectiveDynamicsFlagsBecomeASiteProperty() {
        Structure s = structure("""
                relax
                1.0
                4 0 0
                0 4 0
                0 0 4
                Fe O
                1 1
                Selective dynamics
                Direct
                0 0 0 T T F
                0.5 0.5 0.5 .FALSE. f .TRUE.
                """);
        assertThat(s.site(0).properties()).containsEntry("selective_dynamics", List.of(true, true, false));
        assertThat(s.site(1).properties()).containsEntry("selective_dynamics", List.of(false, false, true));
    }

    @Test
    void potcarNamesAndHashesGiveTheElement() {
        Structure s = structure(BN.replace("B N", "B_s N_h_GW/a1b2c3"));
        assertThat(s.site(0).specie().element()).isEqualTo(Element.B);
        assertThat(s.site(1).specie().element()).isEqualTo(Element.N);
    }

    @Test
    void vasp4TakesElementsFromTheTitle() {
        ReadResult r = read(BN.replace("Cubic BN", "B N").replace("B N\n1 1", "1 1"));
        assertThat(r.warnings()).isEmpty();
        Structure s = r.structures().get(0);
        assertThat(s.site(0).specie().element()).isEqualTo(Element.B);
        assertThat(s.site(1).specie().element()).isEqualTo(Element.N);
    }

    @Test
    void vasp4TakesElementsFromSiteCommentsOrTrailingSymbols() {
        String text = """
                $cell vectors
                1.0
                5 0 0
                0 5 0
                0 0 5
                2 1
                Direct
                0 0 0 # Na1
                0.5 0.5 0 # Na2
                0.5 0 0.5 #Cl1
                """;
        ReadResult r = read(text);
        assertThat(r.warnings()).isEmpty();
        Structure s = r.structures().get(0);
        assertThat(s.composition().amount(Element.Na)).isEqualTo(2.0);
        assertThat(s.composition().amount(Element.Cl)).isEqualTo(1.0);
        assertThat(s.site(1).label()).isEqualTo("Na2");
        assertThat(s.site(2).label()).isEqualTo("Cl1");

        Structure trailing = structure(text.replace("# Na1", "Na").replace("# Na2", "Na").replace("#Cl1", "Cl"));
        assertThat(trailing.composition().amount(Element.Cl)).isEqualTo(1.0);
        assertThat(trailing.site(0).label()).isEmpty();
    }

    @Test
    void vasp4WithoutNamesGetsPlaceholdersAndAWarning() {
        String text = """
                no names
                1.0
                5 0 0
                0 5 0
                0 0 5
                2 1
                Direct
                0 0 0 # Na1
                0.5 0.5 0 # Cl2
                0.5 0 0.5 # Cl1
                """;
        ReadResult r = read(text);
        Structure s = r.structures().get(0);
        assertThat(s.site(0).specie().element()).isEqualTo(Element.H);
        assertThat(s.site(1).specie().element()).isEqualTo(Element.H);
        assertThat(s.site(2).specie().element()).isEqualTo(Element.He);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.message()).contains("placeholder", "H, He", "pymatgen");
        });
    }

    @Test
    void velocityBlockIsIgnoredWithAWarning() {
        ReadResult r = read(BN + "\n0.1 0.2 0.3\n0.0 0.0 0.0\n");
        assertThat(r.structures().get(0).size()).isEqualTo(2);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(11);
            assertThat(w.message()).contains("ignored 2 non-blank line(s)");
        });
    }

    @Test
    void commentsAfterCountsAndScaleAreAllowed() {
        Structure s = structure(BN.replace("3.57", "3.57 ! lattice constant").replace("1 1", "1 1 # counts"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.lattice().matrix()[0][1]).isEqualTo(1.785);
    }

    @Test
    void zeroCountGroupsAreAllowed() {
        Structure s = structure(BN.replace("B N", "B C N").replace("1 1", "1 0 1"));
        assertThat(s.site(1).specie().element()).isEqualTo(Element.N);
    }

    @Test
    void fortranExponentsAreRead() {
        Structure s = structure(BN.replace("0.25 0.25 0.25", "2.5D-1 0.25d0 25E-2"));
        assertThat(s.site(1).frac()).containsExactly(0.25, 0.25, 0.25);
    }

    // --- errors -----------------------------------------------------------------------------

    static StructureParseException error(String text) {
        return catchThrowableOfType(() -> read(text), StructureParseException.class);
    }

    @Test
    void emptyInputIsAnError() {
        StructureParseException e = error("  \n\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("POSCAR", "empty input");
    }

    @Test
    void truncatedFilesSayWhatIsMissing() {
        String[] lines = BN.split("\n");
        for (int keep = 1; keep < lines.length; keep++) {
            String truncated = String.join("\n", java.util.Arrays.copyOf(lines, keep)) + "\n";
            StructureParseException e = error(truncated);
            assertThat(e).as("kept %d lines", keep).isNotNull();
            assertThat(e.getMessage()).as("kept %d lines", keep).contains("POSCAR").contains("end of input");
            assertThat(e.line()).as("kept %d lines", keep).isEqualTo(keep + 1);
        }
    }

    @Test
    void missingCoordinateLinesNameTheAtom() {
        StructureParseException e = error(BN.replace("0.25 0.25 0.25\n", ""));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("expected 2 coordinate lines from line 9", "atom 2", "count group 2");
    }

    @Test
    void badNumbersPointAtTheToken() {
        StructureParseException e = error(BN.replace("0.5 0.0 0.5", "0.5 x.0 0.5"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage()).contains("lattice vector b", "'x.0'");

        e = error(BN.replace("0.25 0.25 0.25", "0.25 0.25"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("three coordinates for atom 2", "found 2");

        e = error(BN.replace("3.57", "zero"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("scale factor", "'zero'");
    }

    @Test
    void zeroScaleAndBadScaleTriplesAreErrors() {
        assertThat(error(BN.replace("3.57", "0.0")).getMessage()).contains("non-zero scale factor");
        StructureParseException e = error(BN.replace("3.57", "1 -2 1"));
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).contains("three positive scale factors");
    }

    @Test
    void speciesAndCountsMustMatch() {
        StructureParseException e = error(BN.replace("B N", "B N O"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage()).contains("species 'O' has no atom count");
        e = error(BN.replace("B N", "B Xx"));
        assertThat(e.getMessage()).contains("element symbol", "'Xx'");
        e = error(BN.replace("1 1", "1 -1"));
        assertThat(e.getMessage()).contains("non-negative integer", "'-1'");
        e = error(BN.replace("1 1", "0 0"));
        assertThat(e.getMessage()).contains("at least one atom");
    }

    @Test
    void badSelectiveDynamicsFlagsAreErrors() {
        String text = BN.replace("Direct", "Selective\nDirect");
        StructureParseException e = error(text.replace("0.00 0.00 0.00", "0.00 0.00 0.00 T T"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("three selective-dynamics flags");
        e = error(text.replace("0.00 0.00 0.00", "0.00 0.00 0.00 T X T"));
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.getMessage()).contains("flag (T or F)", "'X'");
    }

    @Test
    void singularLatticeIsAnError() {
        StructureParseException e = error(BN.replace("0.5 0.5 0.0", "0.5 0.5 1.0"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("do not form a cell");
    }

    @Test
    void maxSitesIsRespectedBeforeReadingCoordinates() {
        StructureParseException e = catchThrowableOfType(() -> new PoscarReader().read(SourceText.of(BN.replace("1 1", "1 2000000000")),
                ReadOptions.builder().maxSites(100).build()), StructureParseException.class);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("maxSites");
        e = error(BN.replace("1 1", "1 50000"));
        assertThat(e.getMessage()).contains("end of input", "50001 coordinate lines");
    }

    @Test
    void missingModeLineIsReportedHelpfully() {
        StructureParseException e = error(BN.replace("Direct\n", ""));
        assertThat(e.getMessage()).contains("Line 8 looks like coordinates");
    }
}
