package dev.orion.llm;

import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An embedding model bound to one tenant and one profile: what code acting for a tenant holds to turn
 * texts into vectors. Every call is billed to, cached for and recorded under {@link #tenant()}. Get one
 * from {@code orion.tenant(acme).embeddings()}; derive views (immutable, cheap):
 *
 * <pre>{@code
 * TenantEmbeddings e = acme.embeddings().profile("embeddings").feature("template-search");
 * float[] v = e.embed("relax then compute the band structure");
 * }</pre>
 */
public final class TenantEmbeddings {

    /** The profile a view uses until {@link #profile(String)} names another. */
    public static final String DEFAULT_PROFILE = "embeddings";

    private final EmbeddingModel model;
    private final CallContext context;
    private final String profile;

    private TenantEmbeddings(EmbeddingModel model, CallContext context, String profile) {
        this.model = model;
        this.context = context;
        this.profile = profile;
    }

    /**
     * Binds a model to a call context, with profile {@link #DEFAULT_PROFILE}. This is for the code that
     * decides the tenant (the tenant view of {@code Orion}), not for code acting for a tenant.
     *
     * @param model   the model (usually the router)
     * @param context the context of every call, with its tenant
     * @return the bound view
     */
    public static TenantEmbeddings bind(EmbeddingModel model, CallContext context) {
        return new TenantEmbeddings(Objects.requireNonNull(model, "model"), Objects.requireNonNull(context, "context"),
                DEFAULT_PROFILE);
    }

    /** @return the tenant every call is made for */
    public TenantId tenant() {
        return context.tenant();
    }

    /** @return the context every call carries */
    public CallContext context() {
        return context;
    }

    /** @return the profile {@link #embed} uses */
    public String profile() {
        return profile;
    }

    /** @param profile the router profile for {@link #embed} @return a view using it */
    public TenantEmbeddings profile(String profile) {
        return new TenantEmbeddings(model, context, Objects.requireNonNull(profile, "profile"));
    }

    /**
     * @param feature the feature making the calls (recorded with each), a label
     * @return a view whose calls carry that feature
     */
    public TenantEmbeddings feature(String feature) {
        return with(b -> b.feature(feature));
    }

    /** @param project the project within the tenant @return a view whose calls are for that project */
    public TenantEmbeddings project(ProjectId project) {
        return with(b -> b.project(project));
    }

    /** @param change what to set on the context (the builder keeps the tenant) @return a view with the changed context */
    public TenantEmbeddings with(Consumer<CallContext.Builder> change) {
        CallContext.Builder b = context.newBuilder();
        change.accept(b);
        return new TenantEmbeddings(model, b.build(), profile);
    }

    /**
     * @param request the texts and the profile or model
     * @return the vectors
     * @see EmbeddingModel#embed(EmbeddingRequest, CallContext)
     */
    public EmbeddingResponse embed(EmbeddingRequest request) {
        return model.embed(request, context);
    }

    /**
     * Embeds texts through this view's profile.
     *
     * @param texts the texts, at least one
     * @return one vector per text, in order
     */
    public List<float[]> embed(List<String> texts) {
        return embed(EmbeddingRequest.builder().profile(profile).inputs(texts).build()).vectors();
    }

    /** @param text one text @return its vector */
    public float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    @Override
    public String toString() {
        return "TenantEmbeddings{" + context + ", profile=" + profile + "}";
    }
}
