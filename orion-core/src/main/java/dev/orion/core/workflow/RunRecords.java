package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.store.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores what a run did in the tenant's audit log (the run's start and end, each step's result and cost) and
 * links each job to the run in the provenance store, so that "which run computed this" has an answer. A finished
 * run of a workflow whose text is one of the tenant's stored templates counts towards that template's usage.
 */
final class RunRecords {

    static final String RUN = "workflow-run";

    private RunRecords() {
    }

    static void started(OrionTenant tenant, Workflow workflow, String runId) {
        tenant.audit().record("start", RUN, runId, Map.of("workflow", workflow.name(), "hash", workflow.contentHash()));
    }

    static void step(OrionTenant tenant, String runId, StepResult r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", r.stepId());
        details.put("status", r.status().name());
        details.put("attempts", Integer.toString(r.attempts()));
        details.put("jobs", String.join(",", r.jobs()));
        details.put("reused_jobs", Integer.toString(r.reusedJobs()));
        details.put("core_hours", Double.toString(r.coreHours()));
        details.put("llm_usd", r.llmUsd().toPlainString());
        r.error().ifPresent(e -> details.put("error", e.length() > 500 ? e.substring(0, 500) : e));
        tenant.audit().record("step", RUN, runId, details);
        ResourceRef run = ResourceRef.of(RUN, runId);
        for (String job : r.jobs()) {
            ResourceRef j = ResourceRef.of("job", job);
            if (tenant.provenance().linksFrom(j).stream().noneMatch(l -> l.object().equals(run))) {
                tenant.provenance().link(j, "computed-for", run);
            }
        }
    }

    static void finished(OrionTenant tenant, Workflow workflow, WorkflowRun run) {
        tenant.audit().record("finish", RUN, run.runId(), Map.of("workflow", workflow.name(), "status", run.status().name(),
                "core_hours", Double.toString(run.coreHours()), "llm_usd", run.llmUsd().toPlainString(),
                "jobs", Integer.toString(run.jobCount())));
        if (run.status() != WorkflowRun.Status.CANCELLED) {
            tenant.workflowTemplates().findByContentHash(workflow.contentHash()).ifPresent(t ->
                    tenant.workflowTemplates().recordRun(t, run.runId(), run.status() == WorkflowRun.Status.SUCCEEDED));
        }
    }
}
