package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.ModelState;
import dev.orion.store.AuditFilter;
import dev.orion.store.ModelRecord;
import dev.orion.store.ModelStore;
import dev.orion.store.TenantStores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The contract of {@link ModelStore}: versions per name, exact round trip of the state, idempotent re-registration, tenant isolation. */
public abstract class ModelStoreContract extends ContractSupport {

    static ModelState state(double lengthScale, int n) {
        Map<String, Double> h = new LinkedHashMap<>();
        for (int j = 0; j < 12; j++) {
            h.put("lengthScale." + j, lengthScale * (j + 1) / 3.0);
        }
        h.put("signalVariance", 1.2345678901234567);
        h.put("noiseVariance", 1e-9 / 7);
        h.put("targetMean", -4.123456789);
        return new ModelState("gp-matern52", h, "ab".repeat(32), n, OptionalDouble.of(-12.5 / 3),
                n > 2 ? OptionalDouble.of(0.1 / 3) : OptionalDouble.empty());
    }

    @Test
    void versionsCountUpPerNameAndStatesRoundTripExactly() {
        TenantStores t = newTenant();
        ModelStore m = t.models();
        assertThat(m.latest("campaign/c1/energy")).isEmpty();
        ModelRecord v1 = m.register("campaign/c1/energy", state(0.3, 2));
        ModelRecord v2 = m.register("campaign/c1/energy", state(0.4, 3));
        ModelRecord other = m.register("campaign/c2/energy", state(0.5, 4));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(1);
        assertThat(v1.createdAt()).isEqualTo(Backends.T0);
        ModelRecord found = m.find("campaign/c1/energy", 1).orElseThrow();
        assertThat(found).isEqualTo(v1);
        assertThat(found.state().hyperparameters().keySet()).containsExactlyElementsOf(state(0.3, 2).hyperparameters().keySet());
        assertThat(found.state().crossValidatedRmse()).isEmpty();
        assertThat(m.find("campaign/c1/energy", 2).orElseThrow().state()).isEqualTo(state(0.4, 3));
        assertThat(m.find("campaign/c1/energy", 3)).isEmpty();
        assertThat(m.find("campaign/c1/energy", 0)).isEmpty();
        assertThat(m.latest("campaign/c1/energy")).contains(v2);
        assertThat(m.versions("campaign/c1/energy")).containsExactly(v1, v2);
        assertThat(m.versions("nothing")).isEmpty();
        assertThat(t.audit().count(AuditFilter.all().withResourceType("model"))).isEqualTo(3);
    }

    @Test
    void registeringTheLatestStateAgainAddsNoVersion() {
        TenantStores t = newTenant();
        ModelStore m = t.models();
        ModelRecord v1 = m.register("m", state(0.3, 5));
        long audits = auditCount(t);
        assertThat(m.register("m", state(0.3, 5))).isEqualTo(v1);
        assertThat(auditCount(t)).isEqualTo(audits);
        assertThat(m.register("m", state(0.6, 5)).version()).isEqualTo(2);
        assertThat(m.register("m", state(0.3, 5)).version()).as("an older state again is a new version").isEqualTo(3);
    }

    @Test
    void badNamesAreRejectedAndNothingIsStored() {
        TenantStores t = newTenant();
        assertThatThrownBy(() -> t.models().register(" ", state(0.3, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> t.models().register("x".repeat(201), state(0.3, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(t.models().versions(" ")).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfTheVersions() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        a.models().register("shared-name", state(0.3, 2));
        assertThat(b.models().latest("shared-name")).isEmpty();
        assertThat(b.models().find("shared-name", 1)).isEmpty();
        assertThat(b.models().versions("shared-name")).isEmpty();
        assertThat(b.models().register("shared-name", state(0.9, 2)).version()).isEqualTo(1);
        assertThat(a.models().latest("shared-name").orElseThrow().state()).isEqualTo(state(0.3, 2));
    }
}
