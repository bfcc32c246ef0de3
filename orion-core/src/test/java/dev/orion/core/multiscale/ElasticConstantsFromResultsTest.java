package dev.orion.core.multiscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Potential;
import dev.orion.engine.Relaxation;
import dev.orion.engine.Stress;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge's two halves that a workflow step uses: the strained cells, and the constants from their stresses. */
class ElasticConstantsFromResultsTest {

    static final Element CU = Element.of("Cu");
    static final Potential EAM = Potential.eam(Path.of("Cu_u3.eam"), CU);

    static Structure copper(Lattice l) {
        return Structure.builder().lattice(l).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0).addSite(CU, 0.5, 0, 0.5)
                .addSite(CU, 0, 0.5, 0.5).build();
    }

    static CalculationResult stressed(Stress s) {
        return CalculationResult.builder("test", -14, 4).stress(s).build();
    }

    @Test
    void theFourCellsAreStretchedAndShearedByPlusAndMinusTheStrain() {
        List<Calculation> cells = ElasticConstants.strainedCells(copper(Lattice.cubic(3.6)), EAM, 0.01);
        assertThat(cells).hasSize(4).allSatisfy(c -> assertThat(c).isInstanceOf(Relaxation.class));
        double[][] m0 = ((Relaxation) cells.get(0)).structure().lattice().matrix();
        double[][] m1 = ((Relaxation) cells.get(1)).structure().lattice().matrix();
        double[][] m2 = ((Relaxation) cells.get(2)).structure().lattice().matrix();
        assertThat(m0[0][0]).isCloseTo(3.6 * 1.01, within(1e-12));
        assertThat(m1[0][0]).isCloseTo(3.6 * 0.99, within(1e-12));
        assertThat(m2[1][2]).isCloseTo(3.6 * 0.005, within(1e-12));
        assertThatThrownBy(() -> ElasticConstants.strainedCells(copper(Lattice.cubic(3.6)), EAM, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strain must be in (0, 0.05]");
        assertThatThrownBy(() -> ElasticConstants.strainedCells(copper(Lattice.of(new double[][] {{3.6, 0, 0}, {0, 3.7, 0}, {0, 0, 3.6}})),
                EAM, 0.01)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cubic cell");
    }

    @Test
    void centralDifferencesOfTheStressGiveTheConstants() {
        double e = 0.005;
        // a linear solid with C11 = 170, C12 = 120, C44 = 75 GPa; ORION's stress is positive in compression
        List<CalculationResult> results = List.of(stressed(new Stress(-170 * e + 1, -120 * e + 1, -120 * e + 1, 0, 0, 0)),
                stressed(new Stress(170 * e + 1, 120 * e + 1, 120 * e + 1, 0, 0, 0)),
                stressed(new Stress(1, 1, 1, -75 * e, 0, 0)), stressed(new Stress(1, 1, 1, 75 * e, 0, 0)));
        CubicElasticConstants c = ElasticConstants.fromResults(results, e, List.of("a", "b", "c", "d"));
        assertThat(c.c11()).isCloseTo(170, within(1e-9));
        assertThat(c.c12()).isCloseTo(120, within(1e-9));
        assertThat(c.c44()).isCloseTo(75, within(1e-9));
        assertThat(c.jobs()).containsExactly("a", "b", "c", "d");

        assertThatThrownBy(() -> ElasticConstants.fromResults(results.subList(0, 3), e, List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3 results");
        List<CalculationResult> noStress = List.of(results.get(0), results.get(1), results.get(2),
                CalculationResult.builder("test", -14, 4).build());
        assertThatThrownBy(() -> ElasticConstants.fromResults(noStress, e, List.of("a", "b", "c", "d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stress for job d");
    }
}
