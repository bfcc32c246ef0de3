package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.check.Grade;
import dev.orion.check.Verdict;
import dev.orion.store.AuditFilter;
import dev.orion.store.ResourceRef;
import dev.orion.store.TenantStores;
import dev.orion.store.VerdictRecord;
import dev.orion.store.VerdictStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link VerdictStore}: verdicts kept per evaluation and subject, in order, audited, per tenant. */
public abstract class VerdictStoreContract extends ContractSupport {

    private static final ResourceRef CANDIDATE = ResourceRef.of("candidate", "a=3.6;ni_atoms=12");
    private static final ResourceRef ANSWER = ResourceRef.of("agent-answer", "c1/0");

    @Test
    void keepsVerdictsPerEvaluationAndSubjectInOrderWithTheirReasons() {
        TenantStores t = newTenant();
        VerdictStore store = t.verdicts();
        long audits = auditCount(t);
        VerdictRecord first = store.record("c1/0", CANDIDATE, Verdict.pass("space"));
        VerdictRecord second = store.record("c1/0", CANDIDATE, new Verdict("structure", Grade.FAIL,
                List.of("atoms 3 and 7 are 0.81 Å apart, below 1.50 Å", "density 31.2 g/cm³ above 25.0")));
        VerdictRecord third = store.record("c1/0", ANSWER, Verdict.warn("numeric-claims", "claimed -0.052, stored -0.048"));
        store.record("c1/1", CANDIDATE, Verdict.pass("space"));

        assertThat(store.forEvaluation("c1/0")).containsExactly(first, second, third);
        assertThat(store.forEvaluation("c1/0").get(1).verdict().reasons())
                .containsExactly("atoms 3 and 7 are 0.81 Å apart, below 1.50 Å", "density 31.2 g/cm³ above 25.0");
        assertThat(store.forSubject(CANDIDATE)).hasSize(3).startsWith(first, second);
        assertThat(store.forEvaluation("c9")).isEmpty();
        assertThat(auditCount(t)).isEqualTo(audits + 4);
        assertThat(t.audit().count(AuditFilter.all().withResourceType("verdict"))).isEqualTo(4);
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        TenantStores acme = newTenant();
        TenantStores other = newTenant();
        acme.verdicts().record("c1/0", CANDIDATE, Verdict.fail("composition", "Li2O3 is not charge neutral"));
        assertThat(other.verdicts().forEvaluation("c1/0")).isEmpty();
        assertThat(other.verdicts().forSubject(CANDIDATE)).isEmpty();
        assertThat(acme.verdicts().forEvaluation("c1/0")).singleElement()
                .satisfies(r -> assertThat(r.verdict().failed()).isTrue());
    }

    @Test
    void rejectsABlankOrOverlongEvaluationIdAndStoresNothing() {
        TenantStores t = newTenant();
        assertThatThrownBy(() -> t.verdicts().record(" ", CANDIDATE, Verdict.pass("space")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluationId");
        assertThatThrownBy(() -> t.verdicts().record("x".repeat(201), CANDIDATE, Verdict.pass("space")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluationId");
        assertThat(t.verdicts().forSubject(CANDIDATE)).isEmpty();
    }
}
