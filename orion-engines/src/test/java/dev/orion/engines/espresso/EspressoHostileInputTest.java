package dev.orion.engines.espresso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.InvalidCalculationException;
import dev.orion.engine.Calculation;
import dev.orion.engine.DftParameters;
import dev.orion.structure.Element;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudopotential names and folders from an untrusted calculation cannot leave the folder or break the namelist. */
class EspressoHostileInputTest {

    static final Element SI = Element.of("Si");
    final EspressoEngine pw = EspressoEngine.builder().build();

    @TempDir
    Path dir;

    private static Calculation scf(DftParameters dft) {
        return Calculation.singlePoint(PwOutputTest.si()).with(dft);
    }

    @Test
    void aPseudopotentialOutsideItsFolderIsRefused() throws Exception {
        Path pseudo = Files.createDirectory(dir.resolve("pseudo"));
        Files.writeString(dir.resolve("secret.UPF"), "not for you\n");
        Calculation escape = scf(DftParameters.builder(pseudo).pseudopotential(SI, "../secret.UPF").build());
        assertThat(pw.validate(escape)).singleElement().asString()
                .contains("'../secret.UPF' is outside the folder");
        assertThatThrownBy(() -> pw.referencedFiles(escape)).isInstanceOf(InvalidCalculationException.class)
                .hasMessageContaining("../secret.UPF");
        assertThatThrownBy(() -> pw.prepare(escape, dir)).isInstanceOf(InvalidCalculationException.class);
        assertThat(dir.resolve("pw.in")).doesNotExist();
    }

    @Test
    void aQuoteOrNewlineInThePseudopotentialFolderCannotReachTheNamelist() throws Exception {
        Path quoted = Files.createDirectories(dir.resolve("x'\n  outdir = '/tmp/elsewhere"));
        Files.writeString(quoted.resolve("Si.pz-vbc.UPF"), "pseudo\n");
        Calculation c = scf(DftParameters.builder(quoted).pseudopotential(SI, "Si.pz-vbc.UPF").build());
        assertThat(pw.validate(c)).singleElement().asString().contains("quote or a control character");
        assertThatThrownBy(() -> pw.prepare(c, dir)).isInstanceOf(InvalidCalculationException.class);
        assertThatThrownBy(() -> pw.referencedFiles(c)).isInstanceOf(InvalidCalculationException.class);
    }
}
