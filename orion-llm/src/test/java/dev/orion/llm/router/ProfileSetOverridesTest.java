package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileSetOverridesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private final ProfileSet base = ProfileSet.fromYaml("""
            profiles:
              advisor: { models: [fast, careful], temperature: 0.2 }
              summariser: { models: [fast] }
            tenants:
              globex:
                profiles: { summariser: { models: [careful] } }
                projects:
                  cathodes:
                    profiles: { advisor: { maxTokens: 50 } }
            """);

    @Test
    void aTenantsOverrideIsAddedReplacedAndDroppedLeavingEverythingElse() {
        Profile mine = base.resolve("advisor", ACME, Optional.empty()).orElseThrow().toBuilder().models(java.util.List.of("careful"))
                .build();
        ProfileSet edited = base.withTenantOverride(ACME, mine);
        assertThat(edited.resolve("advisor", ACME, Optional.empty()).orElseThrow().models()).containsExactly("careful");
        assertThat(edited.resolve("advisor", ACME, Optional.empty()).orElseThrow().temperature()).hasValue(0.2);
        assertThat(edited.tenantOverrides(ACME)).containsOnlyKeys("advisor");
        // the original set, other tenants, their projects and the base are untouched
        assertThat(base.tenantOverrides(ACME)).isEmpty();
        assertThat(edited.resolve("advisor", GLOBEX, Optional.empty()).orElseThrow().models()).containsExactly("fast", "careful");
        assertThat(edited.resolve("summariser", GLOBEX, Optional.empty()).orElseThrow().models()).containsExactly("careful");
        assertThat(edited.resolve("advisor", GLOBEX, Optional.of(ProjectId.of("cathodes"))).orElseThrow().maxTokens()).hasValue(50);
        assertThat(edited.names()).containsExactlyInAnyOrder("advisor", "summariser");

        ProfileSet again = edited.withTenantOverride(ACME, mine.toBuilder().temperature(1.0).build());
        assertThat(again.resolve("advisor", ACME, Optional.empty()).orElseThrow().temperature()).hasValue(1.0);

        ProfileSet reset = again.withoutTenantOverride(ACME, "advisor");
        assertThat(reset.tenantOverrides(ACME)).isEmpty();
        assertThat(reset.resolve("advisor", ACME, Optional.empty()).orElseThrow().models()).containsExactly("fast", "careful");
        assertThat(reset.withoutTenantOverride(ACME, "advisor").tenantOverrides(ACME)).isEmpty();
        assertThat(reset.tenantOverrides(GLOBEX)).containsOnlyKeys("summariser");
    }
}
