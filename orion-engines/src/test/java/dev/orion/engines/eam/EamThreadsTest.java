package dev.orion.engines.eam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Potential;
import dev.orion.engines.TestPrograms;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-threaded force evaluation: the same numbers as one thread, and the same digits on every run. */
class EamThreadsTest {

    static final Element CU = Element.of("Cu");
    static final Element NI = Element.of("Ni");
    final Potential potential = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, NI);

    @TempDir
    Path dir;

    EamEngine engine(int threads) {
        return EamEngine.builder().potentialDir(TestPrograms.potentials()).threads(threads).build();
    }

    /** 4,000 atoms, a third of them Ni, rattled: about 200,000 pairs, enough for several chunks. */
    static Structure alloy() {
        Structure s = EamDynamicsTest.fcc(3.58, 10);
        Random random = new Random(3);
        var b = Structure.builder().lattice(s.lattice());
        for (int i = 0; i < s.size(); i++) {
            double[] f = s.site(i).frac();
            b.addSite(random.nextInt(3) == 0 ? NI : CU, f[0] + 0.004 * random.nextGaussian(),
                    f[1] + 0.004 * random.nextGaussian(), f[2] + 0.004 * random.nextGaussian());
        }
        return b.build();
    }

    @Test
    void threadCountsAgreeAndEachIsReproducibleToTheLastDigit() {
        Structure s = alloy();
        CalculationResult one = engine(1).compute(Calculation.singlePoint(s).with(potential), dir);
        for (int threads : new int[] {2, 3, 4}) {
            CalculationResult a = engine(threads).compute(Calculation.singlePoint(s).with(potential), dir);
            CalculationResult b = engine(threads).compute(Calculation.singlePoint(s).with(potential), dir);
            assertThat(a.energy()).isEqualTo(b.energy());
            assertThat(a.forces()).isEqualTo(b.forces());
            assertThat(a.stress()).isEqualTo(b.stress());
            assertThat(a.energy()).isCloseTo(one.energy(), within(1e-9 * Math.abs(one.energy())));
            for (int i = 0; i < s.size(); i++) {
                assertThat(a.forces().get(i).x()).isCloseTo(one.forces().get(i).x(), within(1e-10));
                assertThat(a.forces().get(i).z()).isCloseTo(one.forces().get(i).z(), within(1e-10));
            }
        }
    }

    @Test
    void mdTrajectoryIsReproducibleWithThreads() {
        var md = Calculation.md(alloy()).method(potential).ensemble(Ensemble.NVT).temperature(300).steps(20)
                .sampleEvery(10).build();
        CalculationResult a = engine(2).compute(md, dir.resolve("a"));
        CalculationResult b = engine(2).compute(md, dir.resolve("b"));
        assertThat(a.energy()).isEqualTo(b.energy());
        assertThat(a.finalStructure()).isEqualTo(b.finalStructure());
    }

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> EamEngine.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, got 0");
    }
}
