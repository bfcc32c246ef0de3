package dev.orion.io.lammps;

import dev.orion.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LammpsDataReaderTest {

    static Path engineSamples() {
        return TestData.engineSamples();
    }

    private static ReadResult read(String text) {
        return new LammpsDataReader().read(SourceText.of("test.data", text), ReadOptions.defaults());
    }

    private static StructureParseException error(String text) {
        try {
            read(text);
        } catch (StructureParseException e) {
            return e;
        }
        throw new AssertionError("expected a StructureParseException for:\n" + text);
    }

    @Test
    void readsTheRealCopperFileThatLammpsRan() throws Exception {
        Path file = engineSamples().resolve("lammps/cu32.data");
        ReadResult result = Structures.readAll(file);
        assertThat(result.warnings()).isEmpty();
        Structure cu = result.structures().get(0);
        assertThat(cu.size()).isEqualTo(32);
        assertThat(cu.composition().amount(Element.Cu)).isEqualTo(32.0);
        assertThat(cu.lattice().a()).isCloseTo(7.3, within(1e-12));
        assertThat(cu.lattice().gamma()).isCloseTo(90.0, within(1e-12));
        assertThat(cu.frac(1)).containsExactly(new double[] {0.25, 0.25, 0.0}, within(1e-12));
        assertThat(cu.frac(31)).containsExactly(new double[] {0.5, 0.75, 0.75}, within(1e-12));
        assertThat(cu.site(31).properties()).containsEntry("id", 32L);
        assertThat(Files.readString(file)).contains("Atoms # atomic");
    }

    @Test
    void readsATriclinicChargeFileWithImageFlagsVelocitiesAndSkippedSections() {
        String text = """
                LAMMPS data file via write_data, version 29 Sep 2021, timestep = 0

                3 atoms
                2 atom types
                1 bonds
                1 bond types

                -1.0 3.0 xlo xhi   # comment after a header line
                0.0 5.0 ylo yhi
                0.5 6.5 zlo zhi
                1.0 -0.5 0.25 xy xz yz

                Masses

                1 22.98976928 # Na
                2 35.45 # Cl

                Bond Coeffs # harmonic

                1 100.0 2.5

                Atoms # charge

                3 2 -1.0 1.0 2.5 3.5 0 0 0
                1 1 1.0 -1.0 0.0 0.5 0 0 0
                2 1 0.5 7.0 0.0 0.5 1 0 0

                Velocities

                1 0.1 0.2 0.3
                3 -0.1 0.0 1.0e-3

                Bonds

                1 1 1 3
                """;
        ReadResult result = read(text);
        Structure s = result.structures().get(0);
        assertThat(s.lattice().matrix()).isDeepEqualTo(new double[][] {{4, 0, 0}, {1, 5, 0}, {-0.5, 0.25, 6}});
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.site(0).properties()).containsEntry("id", 1L).containsEntry("charge", 1.0)
                .containsEntry("velocity", List.of(0.1, 0.2, 0.3));
        assertThat(s.site(1).properties()).containsEntry("id", 2L).containsEntry("charge", 0.5).doesNotContainKey("velocity");
        assertThat(s.site(2).properties()).containsEntry("id", 3L).containsEntry("charge", -1.0);
        assertThat(s.site(0).specie().element()).isEqualTo(Element.Na);
        assertThat(s.site(2).specie().element()).isEqualTo(Element.Cl);
        assertThat(s.frac(0)).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        // x = 7 is 8 Å from xlo in a 4 Å box: wrapped back to the origin
        assertThat(s.frac(1)).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        // (1, 2.5, 3.5) - lo = (2, 2.5, 3): fz = 0.5, fy = (2.5 - 0.125) / 5, fx = (2 - fy + 0.25) / 4
        double fy = 2.375 / 5;
        assertThat(s.frac(2)).containsExactly(new double[] {(2.25 - fy) / 4, fy, 0.5}, within(1e-12));
        assertThat(result.warnings()).singleElement().asString().contains("Velocities section lists 2 of 3 atoms");
    }

    @Test
    void guessesTheStyleFromTheColumnsWhenThereIsNoHint() {
        String header = "title\n2 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\nMasses\n\n1 26.9815385\n\nAtoms\n\n";
        ReadResult charge = read(header + "1 1 0.5 0 0 0\n2 1 -0.5 2 2 2\n");
        assertThat(charge.structures().get(0).site(1).properties()).containsEntry("charge", -0.5);
        assertThat(charge.warnings()).singleElement().asString().contains("read as charge from 6 columns");
        ReadResult atomic = read(header + "1 1 0 0 0 0 0 0\n2 1 2 2 2 0 0 1\n");
        assertThat(atomic.structures().get(0).site(1).properties()).doesNotContainKey("charge");
        assertThat(atomic.structures().get(0).frac(1)).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-15));
        assertThat(atomic.warnings()).singleElement().asString().contains("read as atomic from 8 columns");
        // Al by its mass alone (no comment)
        assertThat(atomic.structures().get(0).composition().amount(Element.Al)).isEqualTo(2.0);
    }

    @Test
    void readsFullAndMolecularStyles() {
        String full = "water\n\n3 atoms\n2 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nMasses\n\n1 15.9994 # O\n2 1.008 # H\n\n"
                + "Atoms # full\n\n1 1 1 -0.8476 5 5 5\n2 1 2 0.4238 6 5 5\n3 1 2 0.4238 5 6 5\n";
        Structure water = read(full).structures().get(0);
        assertThat(water.formula()).contains("H2").contains("O1");
        assertThat(water.site(1).properties()).containsEntry("charge", 0.4238);
        String molecular = full.replace("# full", "# bond").replace(" -0.8476", "").replace(" 0.4238", "");
        assertThat(read(molecular).structures().get(0).site(1).properties()).doesNotContainKey("charge");
    }

    @Test
    void findsElementsByMassWithinTheToleranceAndByExplicitMap() {
        String text = "t\n2 atoms\n2 atom types\n0 3 xlo xhi\n0 3 ylo yhi\n0 3 zlo zhi\n\nMasses\n\n1 63.55\n2 15.94\n\nAtoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n";
        Structure s = read(text).structures().get(0);
        assertThat(s.site(0).specie().element()).isEqualTo(Element.Cu);
        assertThat(s.site(1).specie().element()).isEqualTo(Element.O);
        Structure biAr = read(text.replace("1 63.55\n2 15.94", "1 208.9804\n2 39.95")).structures().get(0);
        assertThat(biAr.site(0).specie().element()).isEqualTo(Element.Bi);
        assertThat(biAr.site(1).specie().element()).isEqualTo(Element.Ar);
        StructureParseException ambiguous = error(text.replace("2 15.94", "2 40.01"));
        assertThat(ambiguous.line()).isEqualTo(11);
        assertThat(ambiguous).hasMessageContaining("atom type 2").hasMessageContaining("both Ar and Ca");
        String coarse = text.replace("1 63.55\n2 15.94", "1 1000.0\n2 1000.0");
        assertThat(error(coarse)).hasMessageContaining("atom type 1").hasMessageContaining("add a comment");
        Structure mapped = new LammpsDataReader(Map.of(1, Element.Ar, 2, Element.Kr))
                .read(SourceText.of(coarse), ReadOptions.defaults()).structures().get(0);
        assertThat(mapped.composition().elements()).containsExactlyInAnyOrder(Element.Ar, Element.Kr);
        assertThatThrownBy(() -> new LammpsDataReader(Map.of(0, Element.Ar))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 0");
    }

    @Test
    void caseMattersInMassComments() {
        String text = "t\n1 atoms\n1 atom types\n0 3 xlo xhi\n0 3 ylo yhi\n0 3 zlo zhi\n\nMasses\n\n1 12.011 # CA\n\nAtoms # atomic\n\n1 1 0 0 0\n";
        assertThat(read(text).structures().get(0).site(0).specie().element()).isEqualTo(Element.C);
        ReadResult odd = read(text.replace("# CA", "# Ca"));
        assertThat(odd.structures().get(0).site(0).specie().element()).isEqualTo(Element.Ca);
        assertThat(odd.warnings()).singleElement().asString().contains("differs from Ca");
    }

    @Test
    void appliesLammpsDefaultBoxWithAWarning() {
        ReadResult r = read("t\n1 atoms\n1 atom types\n0 3 xlo xhi\n\nMasses\n\n1 4.0026 # He\n\nAtoms\n\n1 1 0 0 0\n");
        assertThat(r.structures().get(0).lattice().b()).isEqualTo(1.0);
        assertThat(r.warnings()).extracting(Object::toString)
                .anySatisfy(w -> assertThat(w).contains("'ylo yhi'"))
                .anySatisfy(w -> assertThat(w).contains("'zlo zhi'"));
    }

    private static final String GOOD = "t\n\n2 atoms\n1 atom types\n\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nMasses\n\n1 63.546 # Cu\n\n"
            + "Atoms # atomic\n\n1 1 0 0 0\n2 1 2 2 0\n";

    @Test
    void reportsLineColumnAndWhatWasExpected() {
        StructureParseException e = error(GOOD.replace("2 1 2 2 0", "2 1 2 x 0"));
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e).hasMessageContaining("test.data").hasMessageContaining("the y coordinate").hasMessageContaining("'x'");

        e = error(GOOD.replace("2 1 2 2 0", "2 3 2 2 0"));
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e).hasMessageContaining("atom type from 1 to 1, found 3");

        e = error(GOOD.replace("2 atoms", "3 atoms"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e).hasMessageContaining("2 line(s)").hasMessageContaining("3 atoms");

        e = error(GOOD.replace("2 1 2 2 0", "1 1 2 2 0"));
        assertThat(e.line()).isEqualTo(17);
        assertThat(e).hasMessageContaining("atom id 1 appears twice (first at line 16)");

        e = error(GOOD.replace("1 atom types", "1 atom kinds"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessageContaining("'1 atom kinds'");

        e = error(GOOD.replace("# atomic", "# sphere"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e).hasMessageContaining("'sphere' is not supported").hasMessageContaining("atomic, charge");

        e = error(GOOD.replace("0 4 ylo yhi", "4 0 ylo yhi"));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e).hasMessageContaining("exceed the lower bound");

        e = error(GOOD.replace("2 1 2 2 0", "2 1 2 2 0 1"));
        assertThat(e).hasMessageContaining("expected 5 columns (or 8 with image flags)");

        e = error(GOOD.replace("1 1 0 0 0\n", "1 1 0 0 0 0 0 0.5\n"));
        assertThat(e.line()).isEqualTo(16);
        assertThat(e).hasMessageContaining("image flag");

        e = error(GOOD.substring(0, GOOD.indexOf("Atoms")));
        assertThat(e).hasMessageContaining("expected an Atoms section");

        e = error(GOOD.replace("Masses\n\n1 63.546 # Cu\n\n", ""));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e).hasMessageContaining("atom type 1 has no element");

        e = error(GOOD + "\nVelocities\n\n7 0 0 0\n");
        assertThat(e.line()).isEqualTo(21);
        assertThat(e).hasMessageContaining("atom id 7");

        e = error(GOOD + "\nNonsense\n");
        assertThat(e.line()).isEqualTo(19);
        assertThat(e).hasMessageContaining("expected a section keyword");

        assertThat(error("")).hasMessageContaining("empty input");
    }

    @Test
    void refusesMoreAtomsThanTheLimitBeforeReadingThem() {
        StructureParseException e = null;
        try {
            new LammpsDataReader().read(SourceText.of(GOOD.replace("2 atoms", "2000000000 atoms")),
                    ReadOptions.builder().maxSites(1000).build());
        } catch (StructureParseException ex) {
            e = ex;
        }
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("exceed the limit of 1000");
    }

    @Test
    void isRegisteredAndDetectedByContent() {
        Structure s = Structures.read(GOOD, dev.orion.structure.StructureFormat.LAMMPS_DATA);
        assertThat(s.size()).isEqualTo(2);
        assertThat(Structures.detectFormat("", GOOD)).isEqualTo(dev.orion.structure.StructureFormat.LAMMPS_DATA);
    }
}
