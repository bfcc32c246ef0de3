package dev.orion.engines.eam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.InvalidCalculationException;
import dev.orion.OrionException;
import dev.orion.engine.Calculation;
import dev.orion.engine.Potential;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in EAM engine reads only files inside its folder, and no header makes it allocate gigabytes. */
class EamHostileInputTest {

    static final Element CU = Element.of("Cu");

    @TempDir
    Path dir;

    private static Calculation singlePoint(Potential p) {
        return Calculation.singlePoint(Structure.builder().lattice(Lattice.cubic(3.615)).addSite(CU, 0, 0, 0).build())
                .with(p);
    }

    @Test
    void potentialFilesOutsideTheFolderAreRefused() throws Exception {
        EamEngine eam = EamEngine.builder().potentialDir(dir).build();
        Calculation escape = singlePoint(Potential.eam(Path.of("../../etc/passwd"), CU));
        assertThat(eam.validate(escape)).singleElement().asString()
                .contains("'../../etc/passwd' is outside the folder");
        assertThatThrownBy(() -> eam.compute(escape, dir)).isInstanceOf(InvalidCalculationException.class)
                .hasMessageContaining("../../etc/passwd");
        assertThatThrownBy(() -> eam.referencedFiles(escape)).isInstanceOf(InvalidCalculationException.class);
        Calculation newline = singlePoint(Potential.eam(Path.of("Cu.eam\nx"), CU));
        assertThat(eam.validate(newline)).singleElement().asString().contains("control character (U+000A)");
    }

    @Test
    void aForgedTableSizeIsAParseErrorNotAnOutOfMemoryError() throws Exception {
        Files.writeString(dir.resolve("forged.eam"), "forged\n29 63.55 3.615 FCC\n2000000000 0.01 2000000000 0.01 5.0\n1 2 3\n");
        EamEngine eam = EamEngine.builder().potentialDir(dir).build();
        assertThatThrownBy(() -> eam.compute(singlePoint(Potential.eam(Path.of("forged.eam"), CU)), dir))
                .isInstanceOf(OrionException.class).hasMessageContaining("forged.eam")
                .hasMessageContaining("nrho 2000000000").hasMessageContaining("the file holds 3");
        Files.writeString(dir.resolve("negative.eam.alloy"), "c\nc\nc\n-3 Cu\n");
        assertThatThrownBy(() -> eam.compute(singlePoint(Potential.eamAlloy(Path.of("negative.eam.alloy"), CU)), dir))
                .isInstanceOf(OrionException.class).hasMessageContaining("element count must be positive, got -3");
    }
}
