package dev.orion.samples.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spinodal sample: the free energy near PFHub's published values, the mean kept, a picture. */
class SpinodalDecompositionTest {

    @Test
    void theFreeEnergyFallsAsPublishedAndTheMeanIsKept(@TempDir Path dir) {
        SpinodalDecomposition.Outcome o = SpinodalDecomposition.run(dir);
        assertThat(o.freeEnergies()[0]).isCloseTo(319.03, within(0.5));
        assertThat(o.freeEnergies()[1]).isCloseTo(304.18, within(0.06 * 304.18));
        assertThat(o.freeEnergies()[2]).isCloseTo(203.32, within(0.06 * 203.32));
        assertThat(o.freeEnergies()).hasSize(3);
        assertThat(o.massDrift()).isLessThan(1e-14);
        assertThat(Files.isRegularFile(o.image())).isTrue();
    }
}
