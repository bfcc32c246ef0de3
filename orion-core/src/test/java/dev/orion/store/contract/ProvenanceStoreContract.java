package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.ProvenanceLink;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import dev.orion.store.TenantStores;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.ProvenanceStore}: idempotent links, lineage. */
public abstract class ProvenanceStoreContract extends ContractSupport {

    @Test
    void linksAreIdempotentAndLineageIsTransitive() {
        TenantStores t = newTenant();
        ProvenanceStore p = t.provenance();
        ResourceRef obs = ResourceRef.of("observation", "o1");
        ResourceRef job = ResourceRef.of("job", "j1");
        ResourceRef relaxed = ResourceRef.of("structure", "s2");
        ResourceRef input = ResourceRef.of("structure", "s1");
        long audits = auditCount(t);
        ProvenanceLink l1 = p.link(obs, "derived-from", job);
        assertThat(p.link(obs, "derived-from", job)).isEqualTo(l1);
        assertThat(auditCount(t)).isEqualTo(audits + 1);
        p.link(job, "computed", relaxed);
        p.link(relaxed, "relaxed-from", input);
        p.link(input, "relaxed-from", obs); // a cycle must not loop forever
        assertThat(p.linksFrom(obs)).containsExactly(l1);
        assertThat(p.linksTo(job)).containsExactly(l1);
        assertThat(p.lineage(obs, 1)).containsExactly(l1);
        assertThat(p.lineage(obs, 3)).extracting(l -> l.object()).containsExactly(job, relaxed, input);
        assertThat(p.lineage(obs, 10)).hasSize(4).doesNotHaveDuplicates();
    }
}
