package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.Message;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.WorkflowTemplateRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a request in words ("bulk modulus of these five alloys with the EAM potential") into a draft workflow
 * through the tenant's chat model (the orion-llm router): the model writes the YAML, the validator's errors go
 * back to it with their lines and columns for repair, up to a limit. A valid result is a {@link WorkflowDraft}
 * for a person to approve, saved in the tenant's template store as a version awaiting approval
 * ({@link dev.orion.store.WorkflowTemplateStore#saveDraft}), which does not run from the store until approved;
 * a model that never gets it right ends
 * in a {@link WorkflowDraftException}. Every call is recorded under the draft's id, and the cost is summed.
 *
 * <pre>{@code
 * WorkflowDraft draft = WorkflowDrafter.builder(acme).profile("workflow-writer").maxRepairs(3).build()
 *         .draft("lattice parameter and bulk modulus of fcc Cu with the EAM potential Cu_u3.eam");
 * }</pre>
 */
public final class WorkflowDrafter {

    private final OrionTenant tenant;
    private final WorkflowLoader loader;
    private final String profile;
    private final int maxRepairs;

    private WorkflowDrafter(Builder b) {
        this.tenant = b.tenant;
        this.loader = b.loader;
        this.profile = b.profile;
        this.maxRepairs = b.maxRepairs;
    }

    /** @param tenant whose model writes (and whose budget pays)  @return a builder */
    public static Builder builder(OrionTenant tenant) {
        return new Builder(tenant);
    }

    /**
     * @param request what the workflow should do, in words
     * @return a valid draft
     * @throws WorkflowDraftException if no valid workflow came within the repair limit
     */
    public WorkflowDraft draft(String request) {
        if (request == null || request.isBlank()) {
            throw new IllegalArgumentException("request must say what the workflow should do, got '" + request + "'");
        }
        String draftId = "draft-" + UUID.randomUUID();
        var chat = tenant.llm().run(draftId).feature("workflow-drafter");
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(systemPrompt()));
        messages.add(Message.user(request));
        BigDecimal cost = BigDecimal.ZERO;
        List<Problem> errors = List.of();
        for (int attempt = 1; attempt <= maxRepairs + 1; attempt++) {
            ChatResponse r = chat.chat(ChatRequest.builder().profile(profile).messages(messages).build());
            cost = cost.add(r.costUsd());
            String text = yaml(r.text());
            ImportResult result = loader.parse(text, "draft.yaml");
            if (result.workflow().isPresent()) {
                Workflow w = result.workflow().get();
                String description = w.description().isBlank() ? request : w.description();
                WorkflowTemplateRecord stored = tenant.workflowTemplates().saveDraft(new NewWorkflowTemplate(w.name(), text,
                        description.length() > NewWorkflowTemplate.MAX_DESCRIPTION_LENGTH
                                ? description.substring(0, NewWorkflowTemplate.MAX_DESCRIPTION_LENGTH) : description, Set.copyOf(w.tags())));
                WorkflowDraft draft = new WorkflowDraft(draftId, request, text, w, attempt, result.problems(), cost, stored);
                tenant.audit().record("draft", "workflow-draft", draftId, Map.of("status", "awaiting-approval",
                        "workflow", draft.workflow().name(), "hash", draft.workflow().contentHash(), "attempts", Integer.toString(attempt),
                        "llm_usd", cost.toPlainString(), "template", stored.id()));
                return draft;
            }
            errors = result.errors();
            messages.add(Message.assistant(r.text()));
            messages.add(Message.user("The ORION validator rejected this workflow:\n"
                    + errors.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                    + "\nFix every error and answer with the complete corrected YAML only."));
        }
        tenant.audit().record("draft-failed", "workflow-draft", draftId, Map.of("attempts", Integer.toString(maxRepairs + 1),
                "llm_usd", cost.toPlainString(), "errors", Integer.toString(errors.size())));
        throw new WorkflowDraftException(draftId, maxRepairs + 1, errors, cost);
    }

    /** The format, generated from the loader's step types, so the model knows exactly what the validator accepts. */
    String systemPrompt() {
        StringBuilder p = new StringBuilder("""
                You write ORION workflow files in YAML. Answer with the YAML only, no explanations.
                Format: version: 2, name, description, inputs (name: {type, default, description}), steps (a list of
                {id, type, with: {input: value}, optional for_each, when, retries, on_failure: stop|continue}), outputs
                (name: reference). References: ${inputs.NAME}, ${steps.ID.outputs.NAME}, ${item} inside a step with
                for_each (its outputs then become lists). Quote values containing ${...} inside {...}.
                Types: string, number, integer, boolean, structure, result, object, any, list<T>.
                Step types (inputs; outputs):
                """);
        loader.stepTypes().values().forEach(t -> p.append("- ").append(t.name()).append(": ").append(t.description()).append(". Inputs: ")
                .append(t.parameters().stream().map(x -> x.name() + " " + x.type() + (x.required() ? " (required)" : ""))
                        .collect(Collectors.joining(", ")))
                .append(". Outputs: ").append(t.outputs().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))).append('\n'));
        return p.toString();
    }

    private static String yaml(String answer) {
        String t = answer.strip();
        if (t.startsWith("```")) {
            t = t.substring(t.indexOf('\n') + 1);
            int end = t.lastIndexOf("```");
            t = end >= 0 ? t.substring(0, end) : t;
        }
        return t;
    }

    /** Configures a {@link WorkflowDrafter}. */
    public static final class Builder {
        private final OrionTenant tenant;
        private WorkflowLoader loader = WorkflowLoader.standard();
        private String profile = "workflow-writer";
        private int maxRepairs = 3;

        private Builder(OrionTenant tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
        }

        /** @param l the loader whose step types the model may use and whose validator judges  @return this builder */
        public Builder loader(WorkflowLoader l) {
            this.loader = Objects.requireNonNull(l, "loader");
            return this;
        }

        /** @param name the router profile the calls use (default {@code workflow-writer})  @return this builder */
        public Builder profile(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("profile must be named, got '" + name + "'");
            }
            this.profile = name;
            return this;
        }

        /** @param n how many times the validator's errors go back to the model (0-10, default 3)  @return this builder */
        public Builder maxRepairs(int n) {
            if (n < 0 || n > 10) {
                throw new IllegalArgumentException("maxRepairs must be 0-10, got " + n);
            }
            this.maxRepairs = n;
            return this;
        }

        /** @return the drafter */
        public WorkflowDrafter build() {
            return new WorkflowDrafter(this);
        }
    }
}
