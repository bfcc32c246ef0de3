package dev.orion.core.multiscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Stores;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.continuum.DoubleWell;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import org.junit.jupiter.api.Test;

class PhaseFieldMobilityTest {

    final DoubleWell well = new DoubleWell(5, 0.3, 0.7);

    static CalculationResult md(double d) {
        return CalculationResult.builder("orion-eam", -3.5, 108).value(PhaseFieldMobility.DIFFUSION_VALUE, d).build();
    }

    @Test
    void mobilityIsDOverTheThermodynamicFactorInGridUnits() {
        // f''(0.3) = 2 * 5 * 0.4^2 = 1.6; D = 0.5 Å²/ps = 0.5 * 1000 / 100 = 5 grid units
        PhaseFieldMobility m = PhaseFieldMobility.fromDiffusion("md-1", md(0.5), well, 0.3, 10, 1000);
        assertThat(well.curvature(0.3)).isCloseTo(1.6, within(1e-12));
        assertThat(m.mobility()).isCloseTo(5 / 1.6, within(1e-12));
        ProvenanceStore p = Stores.inMemory().tenant(TenantId.of("lab"), Principal.user("ann")).provenance();
        m.linkTo(p, "pf-1");
        assertThat(p.linksFrom(ResourceRef.of("job", "pf-1"))).singleElement()
                .satisfies(l -> assertThat(l.object().id()).isEqualTo("md-1"));
    }

    @Test
    void refusesASolidAndTheSpinodal() {
        assertThatThrownBy(() -> PhaseFieldMobility.fromDiffusion("md-2", md(0.0), well, 0.3, 10, 1000))
                .hasMessageContaining("no positive diffusion_coefficient_a2_per_ps");
        assertThatThrownBy(() -> PhaseFieldMobility.fromDiffusion("md-3", md(0.5), well, 0.5, 10, 1000))
                .hasMessageContaining("inside the spinodal");
    }
}
