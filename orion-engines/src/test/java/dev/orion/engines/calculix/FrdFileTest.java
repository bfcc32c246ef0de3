package dev.orion.engines.calculix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.InputDeck;
import dev.orion.engine.Resources;
import dev.orion.engine.Vector3;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.NodalField;
import dev.orion.engine.continuum.PrintedTable;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .frd} reader on files ccx writes for Debian's test decks (checked against the numbers the
 * same runs print into the {@code .dat} file) and on broken files.
 */
class FrdFileTest {

    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();
    final CalculixEngine ccx = CalculixEngine.builder().build();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    ContinuumResult run(String deck, String name) throws Exception {
        TestPrograms.require("ccx");
        Path work = Files.createDirectories(dir.resolve(name));
        return EngineRuns.run(ccx, InputDeck.of(deck), LOCAL, work, Resources.defaults()).continuum().orElseThrow();
    }

    static String debian(String deck) throws Exception {
        Path file = CalculixReferenceDecksTest.TESTS.resolve(deck + ".inp");
        TestPrograms.requireFile(file);
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    @Test
    void nodalTemperaturesOfAHexahedronDeckMatchThePrintedOnes() throws Exception {
        // oneel8ra: one C3D8 element, steady heat; ask for the temperatures in the .frd as well
        String deck = debian("oneel8ra").replaceFirst("(?im)^\\*END STEP", "*NODE FILE\nNT\n*END STEP");
        ContinuumResult r = run(deck, "oneel8ra");
        Map<Integer, Double> printed = r.temperatures();
        Map<Integer, Double> written = r.nodalTemperatures();
        assertThat(printed).hasSize(8);
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(printed.keySet());
        printed.forEach((node, t) -> assertThat(written.get(node)).as("node %d", node)
                .isCloseTo(t, within(1e-5 * Math.max(1, Math.abs(t)))));
        NodalField field = r.lastField("NDTEMP").orElseThrow();
        assertThat(field.components()).containsExactly("T");
        assertThat(field.step()).isEqualTo(1);
        assertThat(field.time()).isEqualTo(1.0);
    }

    @Test
    void trussDeckHasDisplacementAndStressFieldsOfEveryNode() throws Exception {
        ContinuumResult r = run(debian("truss"), "truss");
        NodalField disp = r.lastField("DISP").orElseThrow();
        assertThat(disp.components()).containsExactly("D1", "D2", "D3");
        assertThat(disp.values()).hasSize(16);
        // spot values of the file ccx 2.20 writes for this deck
        assertThat(r.nodalDisplacements().get(13)).isEqualTo(new Vector3(1.12085E-05, 2.02390E-06, -4.52316E-08));
        assertThat(r.lastField("STRESS").orElseThrow().components()).containsExactly("SXX", "SYY", "SZZ", "SXY", "SYZ", "SZX");
        assertThat(r.nodalStresses()).hasSize(16);
        assertThat(r.fields()).extracting(NodalField::name).contains("DISP", "STRESS", "ERROR");
    }

    @Test
    void shellDeckWritesTemperaturesForcesAndStresses() throws Exception {
        ContinuumResult r = run(debian("shell1"), "shell1");
        assertThat(r.fields()).extracting(NodalField::name).contains("DISP", "NDTEMP", "FORC", "STRESS");
        assertThat(r.nodalTemperatures().get(22)).isEqualTo(368.0);
        assertThat(r.nodalStresses().get(22).xx()).isEqualTo(-482.266);
        assertThat(r.nodalStresses().get(22).xz()).isEqualTo(-13.5084);
        assertThat(r.nodalStresses().get(22).yz()).isEqualTo(28.5952);
    }

    static final String HEADER = "    1C\n    2C                             1                                     1\n"
            + " -1         1 0.00000E+00 0.00000E+00 0.00000E+00\n -3\n";
    static final String BLOCK = "    1PSTEP                         1           1           2\n"
            + "  100CL  101 2.500000000           1                     0    1           1\n"
            + " -4  DISP        4    1\n -5  D1          1    2    1    0\n -5  D2          1    2    2    0\n"
            + " -5  D3          1    2    3    0\n -5  ALL         1    2    0    0    1ALL\n";

    @Test
    void readsStepTimeAndContinuationRecords() {
        List<NodalField> fields = FrdFile.parse(HEADER + BLOCK + " -1         1 1.00000E+00-2.00000E-03\n"
                + " -2           3.00000E+00\n -3\n9999\n", "t.frd");
        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo(2);
            assertThat(f.time()).isEqualTo(2.5);
            assertThat(f.values().get(1)).containsExactly(1.0, -2e-3, 3.0);
        });
        String shortFormat = BLOCK.replace("    1           1\n -4", "    1           0\n -4");
        assertThat(FrdFile.parse(shortFormat + " -1    7 1.00000E+00 2.00000E+00 3.00000E+00\n -3\n", "s.frd").get(0)
                .vectors().get(7)).isEqualTo(new Vector3(1, 2, 3));
    }

    @Test
    void brokenFilesAreRefusedNamingTheLine() {
        String values = " -1         1 1.00000E+00 2.00000E+00 3.00000E+00\n";
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + values, "cut.frd"))
                .isInstanceOf(CalculixFormatException.class).hasMessageContaining("cut.frd:").hasMessageContaining("-3 record");
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + " -1         1 1.00000E+00 nan\n -3\n", "nan.frd"))
                .isInstanceOf(CalculixFormatException.class).hasMessageContaining("nan.frd:12").hasMessageContaining("finite number");
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + " -1         1 1.00000E+00\n -3\n", "few.frd"))
                .hasMessageContaining("few.frd:12").hasMessageContaining("3 components but the node has 1 values");
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + values + values + " -3\n", "twice.frd"))
                .hasMessageContaining("twice.frd:13").hasMessageContaining("node 1 appears twice");
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + " -2           3.00000E+00\n -3\n", "orphan.frd"))
                .hasMessageContaining("orphan.frd:12").hasMessageContaining("-2 continuation");
        assertThatThrownBy(() -> FrdFile.parse(HEADER + BLOCK + "garbage\n", "junk.frd"))
                .hasMessageContaining("junk.frd:12").hasMessageContaining("garbage");
        assertThatThrownBy(() -> FrdFile.parse(HEADER.replace("     1\n -1", "     2\n -1"), "bin.frd"))
                .hasMessageContaining("bin.frd:2").hasMessageContaining("binary");
        assertThatThrownBy(() -> FrdFile.parse("  100CL  101 x\n", "head.frd"))
                .hasMessageContaining("head.frd:1").hasMessageContaining("time");
        assertThat(FrdFile.parse("", "empty.frd")).isEmpty();
    }

    @Test
    void printedTablesStayAsTheyWere() throws Exception {
        ContinuumResult r = run(debian("truss"), "truss-dat");
        assertThat(r.tables()).extracting(PrintedTable::quantity).contains("stresses");
    }
}
