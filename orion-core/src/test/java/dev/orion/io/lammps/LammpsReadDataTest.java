package dev.orion.io.lammps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds what {@link LammpsDataWriter} writes to the real LAMMPS ({@code lmp}): {@code read_data}
 * must accept it, and LAMMPS's own {@code write_data} of it must read back as the same crystal.
 * Skipped when {@code lmp} is not installed, unless {@code ORION_REQUIRE_ENGINES=1}.
 */
class LammpsReadDataTest {

    private static Path lmp;

    @TempDir
    Path dir;

    @BeforeAll
    static void findLammps() {
        Optional<Path> found = onPath("lmp");
        if (found.isEmpty()) {
            if ("1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
                fail("lmp is not on PATH but ORION_REQUIRE_ENGINES=1 (apt-get install lammps)");
            }
            Assumptions.abort("lmp is not on PATH; install the Debian package lammps to run this test");
        }
        lmp = found.get();
    }

    static Optional<Path> onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Structure throughLammps(Structure s, String name) throws IOException, InterruptedException {
        String style = new LammpsDataWriter().write(s).contains("Atoms # charge") ? "charge" : "atomic";
        Files.writeString(dir.resolve(name + ".data"), new LammpsDataWriter().write(s));
        Files.writeString(dir.resolve("in." + name), "units metal\natom_style " + style + "\nread_data " + name
                + ".data\nwrite_data " + name + ".out\n");
        ProcessBuilder pb = new ProcessBuilder(lmp.toString(), "-in", "in." + name, "-log", "log." + name, "-screen", "none",
                "-echo", "none", "-nocite").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".stdout").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("lmp did not finish within 120 s");
        }
        String log = Files.exists(dir.resolve("log." + name)) ? Files.readString(dir.resolve("log." + name)) : "";
        assertThat(p.exitValue()).as("lmp exit code; log:\n%s", log).isZero();
        assertThat(log).doesNotContain("ERROR");
        return Structures.read(dir.resolve(name + ".out"));
    }

    @Test
    void lammpsReadsTheCopperFileAndWritesItBackTheSame() throws Exception {
        Structure cu = Structures.read(LammpsDataReaderTest.engineSamples().resolve("lammps/cu32.data"));
        Structure back = throughLammps(cu, "cu");
        assertThat(back.almostEquals(cu, 1e-9)).isTrue();
    }

    @Test
    void lammpsReadsARotatedTriclinicChargedCellWithVelocities() throws Exception {
        Random rnd = new Random(11);
        Structure s = LammpsDataWriterTest.randomStructure(rnd, LammpsDataWriterTest.randomLattice(rnd, true), true);
        StructureBuilder b = s.newBuilder();
        b.siteProperty(0, "velocity", List.of(0.5, -0.25, 1.0));
        s = b.build();
        Structure mine = LammpsDataWriterTest.read(new LammpsDataWriter().write(s));
        Structure back = throughLammps(s, "tri");
        assertThat(back.almostEquals(mine, 1e-9)).isTrue();
        LammpsDataWriterTest.assertSameCrystal(s, back, 1e-9);
        assertThat(back.site(0).properties().get("velocity")).isEqualTo(mine.site(0).properties().get("velocity"));
        assertThat(back.site(1).properties().get("charge")).isEqualTo(s.site(1).properties().get("charge"));
    }

    @Test
    void lammpsAcceptsTheReducedFormOfAStronglySkewedCell() throws Exception {
        Lattice skewed = Lattice.of(new double[][] {{4, 0, 0}, {9.5, 4, 0}, {-7, 6.5, 5}});
        Structure s = Structure.builder().lattice(skewed).addSite(Element.Cu, 0, 0, 0).addSite(Element.Ni, 0.5, 0.5, 0.5)
                .addSite(Element.Cu, 0.1, 0.9, 0.3).build();
        Structure back = throughLammps(s, "skew");
        assertThat(back.volume()).isCloseTo(s.volume(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(back.composition()).isEqualTo(s.composition());
    }
}
