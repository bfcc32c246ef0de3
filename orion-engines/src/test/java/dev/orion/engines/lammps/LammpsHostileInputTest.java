package dev.orion.engines.lammps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.InvalidCalculationException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Potential file names from an untrusted calculation cannot inject LAMMPS commands or escape the folder. */
class LammpsHostileInputTest {

    static final Element CU = Element.of("Cu");
    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(1).build();
    static final String INJECTION = "Cu_u3.eam\nshell touch PWNED";

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    static Structure cu() {
        return Structure.builder().lattice(Lattice.cubic(3.615)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build();
    }

    /** A potential folder that holds Cu_u3.eam and a real file whose name carries a LAMMPS command. */
    private Path potentials(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("Cu_u3.eam"), "placeholder\n");
        Files.writeString(folder.resolve(INJECTION), "placeholder\n");
        return folder;
    }

    private static AtomisticCalculation singlePoint(Path file) {
        return Calculation.singlePoint(cu()).with(Potential.eam(file, CU));
    }

    @Test
    void aNewlineInAPotentialNameIsRefusedBeforeAnyInputIsWritten() throws Exception {
        LammpsEngine lammps = LammpsEngine.builder().potentialDir(potentials("pots")).build();
        Path work = Files.createDirectory(dir.resolve("work"));
        Calculation c = singlePoint(Path.of(INJECTION));
        assertThat(lammps.validate(c)).singleElement().asString()
                .contains("Cu_u3.eam\\nshell touch PWNED").contains("control character (U+000A)");
        assertThatThrownBy(() -> lammps.prepare(c, work)).isInstanceOf(InvalidCalculationException.class)
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> lammps.referencedFiles(c)).isInstanceOf(InvalidCalculationException.class);
        assertThat(work.resolve(LammpsInput.INPUT_FILE)).doesNotExist();
    }

    @Test
    void pathsThatLeaveThePotentialFolderAreRefused() throws Exception {
        Path folder = potentials("pots");
        LammpsEngine lammps = LammpsEngine.builder().potentialDir(folder).build();
        Files.createSymbolicLink(folder.resolve("link.eam"), Path.of("/etc/passwd"));
        for (Path escape : new Path[] {Path.of("../../etc/passwd"), Path.of("/etc/passwd"), Path.of("link.eam")}) {
            Calculation c = singlePoint(escape);
            assertThat(lammps.validate(c)).singleElement().asString()
                    .contains("'" + escape + "'").containsAnyOf("outside the folder", "leads outside the folder");
            assertThatThrownBy(() -> lammps.prepare(c, dir)).isInstanceOf(InvalidCalculationException.class)
                    .hasMessageContaining(escape.toString());
            assertThatThrownBy(() -> lammps.referencedFiles(c)).isInstanceOf(InvalidCalculationException.class);
        }
        assertThat(lammps.validate(singlePoint(Path.of("sub/../Cu_u3.eam")))).isEmpty();
        assertThat(lammps.referencedFiles(singlePoint(folder.resolve("Cu_u3.eam"))))
                .containsExactly(folder.resolve("Cu_u3.eam"));
    }

    @Test
    void aNeighbourSkinThatIsNotAPositiveLengthIsRefused() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> LammpsEngine.builder().neighborSkin(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neighborSkin")
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void potentialPathsAreQuotedSoSpacesHashesAndDollarsStayOneWord() {
        Path odd = Path.of("/pots/a b#c$d/Cu_u3.eam");
        assertThat(LammpsInput.script(singlePoint(odd), Potential.eam(odd, CU), odd, odd, LammpsInput.DEFAULT_SKIN))
                .contains("pair_coeff      1 1 \"/pots/a b#c$d/Cu_u3.eam\"\n");
        Path tersoff = Path.of("/pots/it's \"x\"/Si.tersoff");
        assertThat(LammpsInput.quotingProblem(tersoff)).isPresent();
        assertThat(LammpsInput.quoted(Path.of("/pots/say \"hi\"/Si.sw"))).isEqualTo("'/pots/say \"hi\"/Si.sw'");
    }

    @Test
    void theRealLammpsReadsAQuotedPathAndNeverRunsTheInjectedCommand() throws Exception {
        TestPrograms.require("lmp");
        Path reference = LammpsEngine.DEBIAN_POTENTIALS.resolve("Cu_u3.eam");
        TestPrograms.requireFile(reference);
        Path folder = Files.createDirectories(dir.resolve("a b#c$d"));
        Files.copy(reference, folder.resolve("Cu_u3.eam"));
        Files.copy(reference, folder.resolve(INJECTION));
        LammpsEngine lammps = LammpsEngine.builder().potentialDir(folder).build();
        Path ok = Files.createDirectory(dir.resolve("ok"));
        CalculationResult r = EngineRuns.run(lammps, singlePoint(Path.of("Cu_u3.eam")), LOCAL, ok, Resources.defaults());
        assertThat(r.energyPerAtom()).isCloseTo(-3.54, within(1e-3));
        assertThat(Files.readString(ok.resolve(LammpsInput.INPUT_FILE))).contains("a b#c$d/Cu_u3.eam\"");
        Path attacked = Files.createDirectory(dir.resolve("attacked"));
        assertThatThrownBy(() -> EngineRuns.run(lammps, singlePoint(Path.of(INJECTION)), LOCAL, attacked,
                Resources.defaults())).isInstanceOf(InvalidCalculationException.class);
        assertThat(attacked.resolve("PWNED")).doesNotExist();
        assertThat(ok.resolve("PWNED")).doesNotExist();
    }
}
