package dev.orion.store.memory;

import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.NotFoundException;
import dev.orion.store.StoreArguments;
import dev.orion.store.WorkflowTemplateDiff;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateState;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.WorkflowTemplateUsage;
import dev.orion.store.internal.TemplateRules;
import dev.orion.tenant.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

final class MemoryWorkflowTemplateStore implements WorkflowTemplateStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryWorkflowTemplateStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public WorkflowTemplateRecord save(NewWorkflowTemplate template) {
        return save(template, false);
    }

    @Override
    public WorkflowTemplateRecord saveDraft(NewWorkflowTemplate template) {
        return save(template, true);
    }

    private WorkflowTemplateRecord save(NewWorkflowTemplate template, boolean draft) {
        Objects.requireNonNull(template, "template");
        String hash = template.contentHash();
        synchronized (t) {
            List<WorkflowTemplateRecord> versions = t.templates.computeIfAbsent(template.name(), n -> new ArrayList<>());
            Optional<WorkflowTemplateRecord> same = TemplateRules.unchanged(latest(template.name()), hash, draft);
            if (same.isPresent()) {
                return same.get();
            }
            WorkflowTemplateRecord r = new WorkflowTemplateRecord(template.name(), versions.size() + 1, template.content(), hash,
                    template.description(), template.tags(), actor, t.clock.instant(),
                    draft ? WorkflowTemplateState.AWAITING_APPROVAL : WorkflowTemplateState.APPROVED, Optional.empty(), Optional.empty());
            versions.add(r);
            t.audit(actor, TemplateRules.saveAction(draft), "workflow-template", r.id(), Map.of("hash", hash));
            return r;
        }
    }

    @Override
    public WorkflowTemplateRecord approve(String name, int version) {
        return review(name, version, WorkflowTemplateState.APPROVED, Map.of());
    }

    @Override
    public WorkflowTemplateRecord reject(String name, int version, String reason) {
        return review(name, version, WorkflowTemplateState.REJECTED, Map.of("reason", TemplateRules.reason(reason)));
    }

    private WorkflowTemplateRecord review(String name, int version, WorkflowTemplateState state, Map<String, String> details) {
        Objects.requireNonNull(name, "name");
        synchronized (t) {
            WorkflowTemplateRecord r = TemplateRules.awaiting(version(name, version), name, version)
                    .reviewed(state, actor, t.clock.instant());
            t.templates.get(name).set(version - 1, r);
            t.audit(actor, state == WorkflowTemplateState.APPROVED ? "approve" : "reject", "workflow-template", r.id(), details);
            return r;
        }
    }

    @Override
    public List<WorkflowTemplateRecord> awaitingApproval() {
        synchronized (t) {
            return t.templates.values().stream().flatMap(List::stream).filter(r -> r.state() == WorkflowTemplateState.AWAITING_APPROVAL)
                    .sorted(Comparator.comparing(WorkflowTemplateRecord::createdAt).thenComparing(WorkflowTemplateRecord::name)
                            .thenComparing(WorkflowTemplateRecord::version)).toList();
        }
    }

    @Override
    public Optional<WorkflowTemplateRecord> runnable(String name) {
        List<WorkflowTemplateRecord> h = history(name);
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).runnable()) {
                return Optional.of(h.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<WorkflowTemplateRecord> latest(String name) {
        List<WorkflowTemplateRecord> h = history(name);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    @Override
    public Optional<WorkflowTemplateRecord> version(String name, int version) {
        return history(name).stream().filter(r -> r.version() == version).findFirst();
    }

    @Override
    public List<WorkflowTemplateRecord> history(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (t) {
            return List.copyOf(t.templates.getOrDefault(name, List.of()));
        }
    }

    @Override
    public List<WorkflowTemplateRecord> search(String text, Set<String> tags) {
        var test = TemplateRules.matching(Objects.requireNonNull(text, "text"), Objects.requireNonNull(tags, "tags"));
        synchronized (t) {
            return t.templates.values().stream().filter(v -> !v.isEmpty()).map(v -> v.get(v.size() - 1)).filter(test)
                    .sorted(Comparator.comparing(WorkflowTemplateRecord::name)).toList();
        }
    }

    @Override
    public Optional<WorkflowTemplateRecord> findByContentHash(String contentHash) {
        Objects.requireNonNull(contentHash, "contentHash");
        synchronized (t) {
            return t.templates.values().stream().flatMap(List::stream).filter(r -> r.contentHash().equals(contentHash))
                    .max(Comparator.comparing(WorkflowTemplateRecord::createdAt).thenComparing(WorkflowTemplateRecord::version));
        }
    }

    @Override
    public WorkflowTemplateDiff diff(String name, int fromVersion, int toVersion) {
        return TemplateRules.diff(name, version(name, fromVersion), version(name, toVersion), fromVersion, toVersion);
    }

    @Override
    public void recordRun(WorkflowTemplateRecord template, String runId, boolean succeeded) {
        Objects.requireNonNull(template, "template");
        StoreArguments.text("runId", runId, MAX_RUN_ID_LENGTH);
        synchronized (t) {
            if (version(template.name(), template.version()).isEmpty()) {
                throw new NotFoundException("workflow-template", template.id());
            }
            t.templateRuns.put(runId, new MemoryTenant.TemplateRun(template.name(), succeeded));
            t.audit(actor, "run", "workflow-template", template.id(), Map.of("run", runId, "succeeded", Boolean.toString(succeeded)));
        }
    }

    @Override
    public WorkflowTemplateUsage usage(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (t) {
            List<MemoryTenant.TemplateRun> runs = t.templateRuns.values().stream().filter(r -> r.name().equals(name)).toList();
            return new WorkflowTemplateUsage(name, runs.size(), runs.stream().filter(MemoryTenant.TemplateRun::succeeded).count());
        }
    }
}
