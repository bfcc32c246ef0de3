package dev.orion.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.DoubleWell;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engine.continuum.NodalField;
import dev.orion.engine.continuum.PrintedTable;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.InputDeck;
import dev.orion.engine.PhaseField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuumJsonTest {

    static final Mesh BAR = Mesh.block(1.0, 0.1, 0.2, 4, 1, 2);

    static FiniteElement cantilever(double force) {
        return FiniteElement.builder(BAR, Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3))
                        .density(7850).build())
                .constrain(Constraint.fixed("XMIN", 1)).constrain(Constraint.displacement("XMIN", 3, 1e-4))
                .load(Load.force("XMAX", 3, force)).load(Load.pressure("ZMAX", -2.5e6)).build();
    }

    @Test
    void everyContinuumCalculationRoundTrips() {
        List<Calculation> all = List.of(
                cantilever(-1000),
                FiniteElement.builder(BAR, Material.builder("cu").elasticity(Elasticity.cubic(168.4e9, 121.4e9, 75.4e9))
                        .density(8960).build()).analysis(Analysis.frequencies(5)).constrain(Constraint.fixed("XMIN", 2)).build(),
                FiniteElement.builder(BAR, Material.builder("al").conductivity(237).build()).analysis(Analysis.steadyHeat())
                        .constrain(Constraint.temperature("XMIN", 300)).load(Load.bodyHeat(1e6)).build(),
                FiniteElement.builder(BAR, Material.builder("al").conductivity(237).density(2700).specificHeat(897).build())
                        .analysis(Analysis.transientHeat(0.5, 60, 293.15)).constrain(Constraint.temperature("XMAX", 400))
                        .build(),
                InputDeck.of("*NODE\n1, 0, 0, 0\n*STEP\n*STATIC\n*END STEP\n"),
                PhaseField.builder(64, 32).spacing(0.5).mobility(2).gradientEnergy(3)
                        .freeEnergy(new DoubleWell(4, 0.2, 0.8)).initial(0.45, 0.02, 99).run(0.02, 500, 50).build(),
                PhaseField.builder(4, 4, 4).equation(dev.orion.engine.PhaseFieldEquation.ALLEN_CAHN)
                        .initialField(java.util.stream.IntStream.range(0, 64).mapToDouble(i -> i / 64.0).toArray())
                        .run(0.02, 5, 5).build());
        for (Calculation c : all) {
            Calculation back = CalculationJson.readCalculation(CalculationJson.write(c));
            assertThat(back).as(c.kind()).isEqualTo(c);
            assertThat(CalculationJson.write(back)).isEqualTo(CalculationJson.write(c));
        }
    }

    @Test
    void theContentHashSeesTheLoadAndTheDeckText() {
        String a = JobInput.contentHash(cantilever(-1000), "calculix", "CalculiX 2.20", List.of());
        assertThat(JobInput.contentHash(cantilever(-1000), "calculix", "CalculiX 2.20", List.of())).isEqualTo(a);
        assertThat(JobInput.contentHash(cantilever(-1001), "calculix", "CalculiX 2.20", List.of())).isNotEqualTo(a);
        assertThat(JobInput.contentHash(InputDeck.of("*STEP\n"), "calculix", "v", List.of()))
                .isNotEqualTo(JobInput.contentHash(InputDeck.of("*STEP \n"), "calculix", "v", List.of()));
    }

    @Test
    void phaseFieldResultsRoundTrip() {
        PhaseFieldResult pf = new PhaseFieldResult(2, 2, 1, List.of(0.0, 1.5), List.of(8.25, 7.125), List.of(0.5, 0.5),
                List.of(0.31, 0.69, 0.5, 0.123456789012345));
        CalculationResult r = CalculationResult.builder("orion-phase-field", 0, 0).phaseField(pf).build();
        assertThat(CalculationJson.readResult(CalculationJson.write(r))).isEqualTo(r);
    }

    @Test
    void continuumResultsRoundTrip() {
        ContinuumResult cr = new ContinuumResult(List.of(
                new PrintedTable("displacements", "vx,vy,vz", "NALL", 1.0,
                        List.of(new PrintedTable.Row(List.of(1), List.of(0.0, -1.5e-4, 2e-20)))),
                new PrintedTable("stresses", "elem, integ.pnt.,sxx,syy,szz,sxy,sxz,syz", "EALL", 1.0,
                        List.of(new PrintedTable.Row(List.of(1, 8), List.of(1e8, 0.0, 0.0, 0.0, 0.0, -3.25))))),
                List.of(81.5, 503.25));
        CalculationResult r = CalculationResult.builder("calculix", 0, 0).engineVersion("CalculiX 2.20").continuum(cr)
                .wallTime(Duration.ofMillis(40)).outputFile("dat", Path.of("/w/orion.dat")).build();
        CalculationResult back = CalculationJson.readResult(CalculationJson.write(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.continuum().orElseThrow().stresses().get(0).yz()).isEqualTo(-3.25);
        assertThat(back.energyPerAtom()).isNaN();
    }

    @Test
    void nodalFieldsRoundTripAndResultsWithoutThemKeepTheirJson() {
        ContinuumResult printed = new ContinuumResult(List.of(), List.of());
        CalculationResult old = CalculationResult.builder("calculix", 0, 0).continuum(printed).build();
        assertThat(CalculationJson.write(old)).doesNotContain("fields");
        NodalField disp = new NodalField("DISP", 1, 1.0, List.of("D1", "D2", "D3"),
                java.util.Map.of(7, List.of(1e-5, -2.5e-7, 0.0)));
        NodalField stress = new NodalField("STRESS", 2, 0.5, List.of("SXX", "SYY", "SZZ", "SXY", "SYZ", "SZX"),
                java.util.Map.of(3, List.of(3.1e8, 1.0, 2.0, 3.0, 4.0, 5.0)));
        CalculationResult r = CalculationResult.builder("calculix", 0, 0)
                .continuum(new ContinuumResult(List.of(), List.of(), List.of(disp, stress))).build();
        CalculationResult back = CalculationJson.readResult(CalculationJson.write(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.continuum().orElseThrow().nodalStresses().get(3).xz()).isEqualTo(5.0);
        assertThat(back.continuum().orElseThrow().nodalStresses().get(3).yz()).isEqualTo(4.0);
        assertThat(back.continuum().orElseThrow().nodalDisplacements().get(7).y()).isEqualTo(-2.5e-7);
        assertThat(CalculationJson.write(r)).doesNotContain("\"mode\"");
    }

    @Test
    void modeShapesAndElementSetsRoundTripAndOnlyThenChangeTheJson() {
        NodalField mode2 = new NodalField("DISP", 1, 503.25, List.of("D1", "D2", "D3"), java.util.Map.of(4, List.of(0.0, 0.5, -1.0)), 2);
        CalculationResult r = CalculationResult.builder("calculix", 0, 0)
                .continuum(new ContinuumResult(List.of(), List.of(81.5, 503.25), List.of(mode2))).build();
        CalculationResult back = CalculationJson.readResult(CalculationJson.write(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.continuum().orElseThrow().modeShapes()).singleElement()
                .satisfies(m -> assertThat(m.mode()).isEqualTo(2))
                .satisfies(m -> assertThat(m.frequency()).isEqualTo(503.25))
                .satisfies(m -> assertThat(m.displacements().get(4).z()).isEqualTo(-1.0));

        String before = CalculationJson.write(cantilever(-1000));
        assertThat(before).doesNotContain("elementSets");
        Mesh withSets = new Mesh(BAR.nodes(), BAR.elements(), BAR.nodeSets(), java.util.Map.of("ROOT", List.of(1, 2)));
        FiniteElement fe = FiniteElement.builder(withSets, Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3))
                .build()).constrain(Constraint.fixed("XMIN", 1)).build();
        Calculation read = CalculationJson.readCalculation(CalculationJson.write(fe));
        assertThat(read).isEqualTo(fe);
        assertThat(((FiniteElement) read).mesh().elementSet("ROOT")).containsExactly(1, 2);
        assertThat(JobInput.contentHash(fe, "calculix", "v", List.of())).as("the sets are part of the content")
                .isNotEqualTo(JobInput.contentHash(FiniteElement.builder(BAR, fe.material()).constrain(Constraint.fixed("XMIN", 1)).build(),
                        "calculix", "v", List.of()));
    }
}
