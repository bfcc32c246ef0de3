package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditFilter;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.NotFoundException;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkflowTemplateDiff;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateState;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.ConflictException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WorkflowTemplateStore}: immutable versions keyed by content hash, diffs, search by text and
 * tags, run counts, audit, and one tenant never seeing another's templates.
 */
public abstract class WorkflowTemplateStoreContract extends ContractSupport {

    static final String EOS_V1 = "schema: 1\nname: eos\nsteps:\n  - id: relax\n    type: relax\n    inputs:\n      fmax: 0.01\n";
    static final String EOS_V2 = "schema: 1\nname: eos\nsteps:\n  - id: relax\n    type: relax\n    inputs:\n      fmax: 0.001\n"
            + "  - id: fit\n    type: fit-eos\n";

    private static NewWorkflowTemplate eos(String content, String... tags) {
        return new NewWorkflowTemplate("eos", content, "Equation of state and bulk modulus", Set.of(tags));
    }

    @Test
    void anUnchangedTemplateKeepsItsVersionAndAChangedOneBecomesANewImmutableVersion() {
        TenantStores t = newTenant();
        WorkflowTemplateStore store = t.workflowTemplates();
        long audits = auditCount(t);
        WorkflowTemplateRecord v1 = store.save(eos(EOS_V1, "eam", "bulk-modulus"));
        clock().advance(Duration.ofMinutes(1));
        assertThat(store.save(eos(EOS_V1, "other-tag"))).isEqualTo(v1);
        WorkflowTemplateRecord v2 = store.save(eos(EOS_V2, "eam"));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.contentHash()).isEqualTo(NewWorkflowTemplate.of("x", EOS_V1).contentHash()).hasSize(64);
        assertThat(v1.tags()).containsExactly("bulk-modulus", "eam");
        assertThat(v1.createdBy()).isEqualTo(t.actor());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.contentHash()).isNotEqualTo(v1.contentHash());
        assertThat(store.history("eos")).containsExactly(v1, v2);
        assertThat(store.latest("eos")).contains(v2);
        assertThat(store.version("eos", 1)).contains(v1);
        assertThat(store.version("eos", 1).orElseThrow().content()).isEqualTo(EOS_V1);
        assertThat(store.version("eos", 3)).isEmpty();
        assertThat(store.latest("none")).isEmpty();
        assertThat(store.findByContentHash(v1.contentHash())).contains(v1);
        assertThat(store.findByContentHash("0".repeat(64))).isEmpty();
        assertThat(auditCount(t)).isEqualTo(audits + 2);
        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-template"))).isEqualTo(2);
    }

    @Test
    void diffsTwoVersionsLineByLine() {
        WorkflowTemplateStore store = newTenant().workflowTemplates();
        store.save(eos(EOS_V1));
        store.save(eos(EOS_V2));
        WorkflowTemplateDiff diff = store.diff("eos", 1, 2);
        assertThat(diff.removed()).containsExactly("      fmax: 0.01");
        assertThat(diff.added()).containsExactly("      fmax: 0.001", "  - id: fit", "    type: fit-eos");
        assertThat(diff.lines()).hasSize((int) EOS_V1.lines().count() + 3);
        assertThat(diff.unchanged()).isFalse();
        assertThat(diff.text()).contains("-       fmax: 0.01\n+       fmax: 0.001").startsWith("  schema: 1\n");
        assertThat(store.diff("eos", 2, 2).unchanged()).isTrue();
        assertThatThrownBy(() -> store.diff("eos", 1, 7)).isInstanceOf(NotFoundException.class).hasMessageContaining("eos@7");
    }

    @Test
    void searchesTheLatestVersionsByTextAndTags() {
        WorkflowTemplateStore store = newTenant().workflowTemplates();
        store.save(eos(EOS_V1, "eam", "mechanical"));
        store.save(new NewWorkflowTemplate("heating", "schema: 1\nname: heating\nsteps: []\n", "MD heating run with LAMMPS",
                Set.of("md", "lammps")));
        store.save(new NewWorkflowTemplate("elastic", "schema: 1\nname: elastic\n", "Elastic constants C11 C12 C44",
                Set.of("eam", "mechanical")));

        assertThat(store.list()).extracting(WorkflowTemplateRecord::name).containsExactly("elastic", "eos", "heating");
        assertThat(store.search("BULK modulus", Set.of())).extracting(WorkflowTemplateRecord::name).containsExactly("eos");
        assertThat(store.search("", Set.of("mechanical"))).extracting(WorkflowTemplateRecord::name).containsExactly("elastic", "eos");
        assertThat(store.search("c44", Set.of("eam", "mechanical"))).extracting(WorkflowTemplateRecord::name).containsExactly("elastic");
        assertThat(store.search("lammps", Set.of("eam"))).isEmpty();
        // only the latest version is searched: v2 no longer says fmax: 0.01
        store.save(eos(EOS_V2, "eam"));
        assertThat(store.search("fmax: 0.01\n", Set.of())).isEmpty();
        assertThat(store.search("fit-eos", Set.of())).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo(2));
    }

    @Test
    void countsEachRunOnceWithItsLastOutcome() {
        TenantStores t = newTenant();
        WorkflowTemplateStore store = t.workflowTemplates();
        WorkflowTemplateRecord v1 = store.save(eos(EOS_V1));
        WorkflowTemplateRecord v2 = store.save(eos(EOS_V2));
        store.recordRun(v1, "run-1", true);
        store.recordRun(v2, "run-2", false);
        store.recordRun(v2, "run-3", false);
        assertThat(store.usage("eos").runs()).isEqualTo(3);
        assertThat(store.usage("eos").successRate()).isEqualTo(1.0 / 3.0);
        store.recordRun(v2, "run-3", true); // the same run, resumed and finished: counted once, with its last outcome
        assertThat(store.usage("eos").runs()).isEqualTo(3);
        assertThat(store.usage("eos").succeeded()).isEqualTo(2);
        assertThat(store.usage("eos").successRate()).isEqualTo(2.0 / 3.0);
        assertThat(store.usage("never").runs()).isZero();
        assertThat(store.usage("never").successRate()).isZero();
        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-template").withAction("run"))).isEqualTo(4);

        WorkflowTemplateRecord ghost = new WorkflowTemplateRecord("ghost", 1, "x", "0".repeat(64), "", Set.of(), t.actor(),
                clock().instant(), WorkflowTemplateState.APPROVED, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> store.recordRun(ghost, "run-4", true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.recordRun(v1, " ", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runId");
        assertThat(store.usage("eos").runs()).isEqualTo(3);
    }

    @Test
    void anotherTenantSeesNoneOfThemAndKeepsItsOwnVersions() {
        TenantStores acme = newTenant();
        TenantStores other = newTenant();
        WorkflowTemplateRecord mine = acme.workflowTemplates().save(eos(EOS_V1, "eam"));
        acme.workflowTemplates().recordRun(mine, "run-1", true);

        assertThat(other.workflowTemplates().latest("eos")).isEmpty();
        assertThat(other.workflowTemplates().history("eos")).isEmpty();
        assertThat(other.workflowTemplates().list()).isEmpty();
        assertThat(other.workflowTemplates().findByContentHash(mine.contentHash())).isEmpty();
        assertThat(other.workflowTemplates().usage("eos").runs()).isZero();
        assertThatThrownBy(() -> other.workflowTemplates().diff("eos", 1, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.workflowTemplates().recordRun(mine, "run-2", true)).isInstanceOf(NotFoundException.class);
        // the same text saved by the other tenant starts its own history at version 1
        assertThat(other.workflowTemplates().save(eos(EOS_V2)).version()).isEqualTo(1);
        assertThat(acme.workflowTemplates().history("eos")).containsExactly(mine);
    }

    @Test
    void rejectsBadTemplatesAndStoresNothing() {
        WorkflowTemplateStore store = newTenant().workflowTemplates();
        assertThatThrownBy(() -> NewWorkflowTemplate.of(" ", EOS_V1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> NewWorkflowTemplate.of("x".repeat(101), EOS_V1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> NewWorkflowTemplate.of("eos", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content");
        assertThatThrownBy(() -> new NewWorkflowTemplate("eos", EOS_V1, "d".repeat(2001), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aDraftWaitsForApprovalAndRunsOnlyOnceApprovedWithWhoAndWhenAudited() {
        TenantStores t = newTenant();
        WorkflowTemplateStore store = t.workflowTemplates();
        WorkflowTemplateRecord v1 = store.save(eos(EOS_V1));
        assertThat(v1.state()).isEqualTo(WorkflowTemplateState.APPROVED);
        assertThat(v1.reviewedBy()).isEmpty();
        clock().advance(Duration.ofMinutes(1));
        WorkflowTemplateRecord draft = store.saveDraft(eos(EOS_V2));
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.state()).isEqualTo(WorkflowTemplateState.AWAITING_APPROVAL);
        assertThat(draft.runnable()).isFalse();
        // the same draft again is the same version; the latest is the draft, but what runs is still version 1
        assertThat(store.saveDraft(eos(EOS_V2))).isEqualTo(draft);
        assertThat(store.latest("eos")).contains(draft);
        assertThat(store.runnable("eos")).contains(v1);
        assertThat(store.awaitingApproval()).containsExactly(draft);

        clock().advance(Duration.ofMinutes(5));
        WorkflowTemplateRecord approved = store.approve("eos", 2);
        assertThat(approved.state()).isEqualTo(WorkflowTemplateState.APPROVED);
        assertThat(approved.reviewedBy()).contains(t.actor());
        assertThat(approved.reviewedAt()).contains(Backends.T0.plus(Duration.ofMinutes(6)));
        assertThat(approved.content()).isEqualTo(draft.content());
        assertThat(store.version("eos", 2)).contains(approved);
        assertThat(store.runnable("eos")).contains(approved);
        assertThat(store.awaitingApproval()).isEmpty();
        assertThatThrownBy(() -> store.approve("eos", 2)).isInstanceOf(ConflictException.class).hasMessageContaining("eos@2");
        assertThatThrownBy(() -> store.approve("eos", 9)).isInstanceOf(NotFoundException.class);
        // saving the approved text again changes nothing
        assertThat(store.save(eos(EOS_V2))).isEqualTo(approved);

        WorkflowTemplateRecord third = store.saveDraft(eos(EOS_V1 + "# tweaked\n"));
        WorkflowTemplateRecord rejected = store.reject("eos", third.version(), "wrong potential");
        assertThat(rejected.state()).isEqualTo(WorkflowTemplateState.REJECTED);
        assertThat(rejected.reviewedBy()).contains(t.actor());
        assertThat(store.runnable("eos")).contains(approved);
        assertThatThrownBy(() -> store.reject("eos", third.version(), "again")).isInstanceOf(ConflictException.class);
        // a rejected text drafted again is a new draft; saved by a person it is a new approved version
        assertThat(store.saveDraft(eos(EOS_V1 + "# tweaked\n")).version()).isEqualTo(4);
        WorkflowTemplateRecord saved = store.save(eos(EOS_V1 + "# tweaked\n"));
        assertThat(saved.version()).isEqualTo(5);
        assertThat(saved.runnable()).isTrue();
        assertThat(store.awaitingApproval()).extracting(WorkflowTemplateRecord::version).containsExactly(4);

        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-template").withAction("draft"))).isEqualTo(3);
        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-template").withAction("approve"))).isEqualTo(1);
        assertThat(t.audit().query(AuditFilter.all().withResourceType("workflow-template").withAction("reject"),
                dev.orion.store.PageRequest.first(5)).items()).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "wrong potential"));
        // another tenant can neither see nor approve the drafts
        TenantStores other = newTenant();
        assertThat(other.workflowTemplates().awaitingApproval()).isEmpty();
        assertThatThrownBy(() -> other.workflowTemplates().approve("eos", 4)).isInstanceOf(NotFoundException.class);
        assertThat(store.version("eos", 4).orElseThrow().state()).isEqualTo(WorkflowTemplateState.AWAITING_APPROVAL);
    }
}
