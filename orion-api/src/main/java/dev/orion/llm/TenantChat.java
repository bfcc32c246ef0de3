package dev.orion.llm;

import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A chat model bound to one tenant: what code that acts for a tenant holds. Every call it makes is
 * billed to, rate-limited for and recorded under {@link #tenant()}; nothing it offers can name another
 * tenant. Get one from {@code orion.tenant(acme).llm()}; derive views that also say what the calls are
 * for (immutable, cheap):
 *
 * <pre>{@code
 * TenantChat advisor = acme.llm().feature("campaign-advisor").project(ProjectId.of("garnets"));
 * ChatResponse r = advisor.chat(ChatRequest.builder().profile("advisor").user("...").build());
 * }</pre>
 */
public final class TenantChat {

    private final ChatModel model;
    private final CallContext context;

    private TenantChat(ChatModel model, CallContext context) {
        this.model = model;
        this.context = context;
    }

    /**
     * Binds a model to a call context. This is for the code that decides the tenant (the tenant view of
     * {@code Orion}, a server's tenant resolution), not for code acting for a tenant.
     *
     * @param model   the model (usually the router)
     * @param context the context of every call, with its tenant
     * @return the bound view
     */
    public static TenantChat bind(ChatModel model, CallContext context) {
        return new TenantChat(Objects.requireNonNull(model, "model"), Objects.requireNonNull(context, "context"));
    }

    /** @return the tenant every call is made for */
    public TenantId tenant() {
        return context.tenant();
    }

    /** @return the context every call carries */
    public CallContext context() {
        return context;
    }

    /**
     * @param feature the feature making the calls (recorded with each), a label
     * @return a view whose calls carry that feature
     * @throws IllegalArgumentException if {@code feature} is not a label
     */
    public TenantChat feature(String feature) {
        return with(b -> b.feature(feature));
    }

    /**
     * @param project the project within the tenant
     * @return a view whose calls are for that project
     */
    public TenantChat project(ProjectId project) {
        return with(b -> b.project(project));
    }

    /**
     * @param runId the run (campaign, workflow, agent session), a label
     * @return a view whose calls belong to that run
     * @throws IllegalArgumentException if {@code runId} is not a label
     */
    public TenantChat run(String runId) {
        return with(b -> b.runId(runId));
    }

    /**
     * Changes the rest of the context (subject, API key id, cache flags...); the builder keeps the tenant.
     *
     * @param change what to set
     * @return a view with the changed context
     */
    public TenantChat with(Consumer<CallContext.Builder> change) {
        // a Consumer, not a function returning a builder: the caller cannot hand back a builder of another tenant
        CallContext.Builder b = context.newBuilder();
        change.accept(b);
        return new TenantChat(model, b.build());
    }

    /**
     * @param request what to ask
     * @return the answer
     * @see ChatModel#chat(ChatRequest, CallContext)
     */
    public ChatResponse chat(ChatRequest request) {
        return model.chat(request, context);
    }

    /**
     * @param request  what to ask
     * @param listener receives the chunks as they arrive
     * @return the complete answer
     * @see ChatModel#stream(ChatRequest, CallContext, ChatStreamListener)
     */
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        return model.stream(request, context, listener);
    }

    @Override
    public String toString() {
        return "TenantChat{" + context + "}";
    }
}
