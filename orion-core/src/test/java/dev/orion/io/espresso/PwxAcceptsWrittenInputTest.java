package dev.orion.io.espresso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.orion.io.Structures;
import dev.orion.structure.Structure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real pw.x on what {@link PwscfWriter} writes for the silicon sample: it must run to
 * convergence, and the cell volume it prints (bohr³) must be ORION's. Skipped when pw.x or its
 * pseudopotentials are not installed, unless {@code ORION_REQUIRE_ENGINES=1}.
 */
class PwxAcceptsWrittenInputTest {

    private static final Path PSEUDO_DIR = Path.of("/usr/share/espresso/pseudo");

    @TempDir
    Path dir;

    private static Optional<Path> pwx() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "pw.x");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Test
    void pwxConvergesOnTheWrittenSiliconInput() throws Exception {
        Optional<Path> pwx = pwx();
        if (pwx.isEmpty() || !Files.isRegularFile(PSEUDO_DIR.resolve("Si.pz-vbc.UPF"))) {
            if ("1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
                fail("pw.x or " + PSEUDO_DIR + "/Si.pz-vbc.UPF is missing but ORION_REQUIRE_ENGINES=1 "
                        + "(apt-get install quantum-espresso quantum-espresso-data)");
            }
            Assumptions.abort("pw.x or its pseudopotentials are not installed (Debian: quantum-espresso)");
        }
        Structure si = Structures.read(PwscfReaderTest.espressoSamples().resolve("si.in"));
        Files.writeString(dir.resolve("si.pwi"), new PwscfWriter(12.0).write(si));
        ProcessBuilder pb = new ProcessBuilder(pwx.get().toString(), "-in", "si.pwi").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("si.out").toFile());
        pb.environment().put("ESPRESSO_PSEUDO", PSEUDO_DIR.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pw.x did not finish within 120 s");
        }
        String out = Files.readString(dir.resolve("si.out"));
        assertThat(p.exitValue()).as("pw.x exit code; output:\n%s", out).isZero();
        assertThat(out).contains("convergence has been achieved");
        Matcher m = Pattern.compile("unit-cell volume\\s*=\\s*([0-9.]+) \\(a\\.u\\.\\)\\^3").matcher(out);
        assertThat(m.find()).isTrue();
        double bohr = 0.529177210903;
        assertThat(si.volume() / (bohr * bohr * bohr)).isCloseTo(Double.parseDouble(m.group(1)), within(1e-4));
        assertThat(out).contains("number of atoms/cell      =            2");
    }
}
