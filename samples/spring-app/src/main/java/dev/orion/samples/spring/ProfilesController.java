package dev.orion.samples.spring;

import dev.orion.core.OrionTenant;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.spring.autoconfigure.OrionLlmProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's LLM profiles: view, edit (the tenant's own version), reset to the base, test with a prompt. */
@RestController
@RequestMapping("/api/profiles")
@Tag(name = "profiles", description = "LLM profiles (scopes profiles:read, profiles:write)")
class ProfilesController {

    /** The feature under which test prompts are recorded and billed. */
    static final String TEST_FEATURE = "profile-test";

    private final TenantProfiles profiles;
    private final ObjectProvider<OrionLlmProperties> llm;

    ProfilesController(TenantProfiles profiles, ObjectProvider<OrionLlmProperties> llm) {
        this.profiles = profiles;
        this.llm = llm;
    }

    /**
     * The tenant's profiles and the models they may name.
     *
     * @param profiles the profiles
     * @param models   the router's model names
     */
    record ProfileList(List<TenantProfiles.ProfileView> profiles, List<String> models) {
    }

    /**
     * An edit; absent fields keep their value.
     *
     * @param models            the primary model, then the fallbacks
     * @param temperature       in [0, 2]
     * @param maxTokens         the completion limit
     * @param maxCostPerRequest the cost cap of one call in USD
     */
    record ProfileEdit(Optional<List<String>> models, Optional<Double> temperature, Optional<Integer> maxTokens,
                       Optional<BigDecimal> maxCostPerRequest) {
    }

    /** @param prompt the user message to send through the profile */
    record TestPrompt(String prompt) {
    }

    /**
     * What a test prompt got.
     *
     * @param model       the model that answered, as the provider named it
     * @param modelsTried the router's models tried, in order
     * @param text        the answer
     * @param tokensIn    prompt tokens
     * @param tokensOut   completion tokens
     * @param costUsd     cost in USD
     * @param cacheHit    whether the router's cache answered
     */
    record TestAnswer(String model, List<String> modelsTried, String text, long tokensIn, long tokensOut, BigDecimal costUsd,
                      boolean cacheHit) {
    }

    @GetMapping
    @Operation(summary = "The tenant's profiles (base profiles with the tenant's own versions) and the router's models")
    ProfileList list(OrionTenant tenant) {
        return new ProfileList(profiles.list(tenant.tenant()), models());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One profile as the tenant gets it")
    TenantProfiles.ProfileView get(OrionTenant tenant, @PathVariable String name) {
        return profiles.get(tenant.tenant(), name);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Edit the tenant's version of a profile; the next call through it uses the edit")
    TenantProfiles.ProfileView edit(OrionTenant tenant, @PathVariable String name, @RequestBody ProfileEdit edit) {
        TenantProfiles.ProfileView after = profiles.edit(tenant.tenant(), name, b -> {
            edit.models().ifPresent(b::models);
            edit.temperature().ifPresent(b::temperature);
            edit.maxTokens().ifPresent(b::maxTokens);
            edit.maxCostPerRequest().ifPresent(b::maxCostPerRequest);
            return b;
        });
        tenant.audit().record("llm.profile.update", "profile", name, describe(after));
        return after;
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Drop the tenant's version of a profile (back to the base profile)")
    TenantProfiles.ProfileView reset(OrionTenant tenant, @PathVariable String name) {
        TenantProfiles.ProfileView after = profiles.reset(tenant.tenant(), name);
        tenant.audit().record("llm.profile.reset", "profile", name, describe(after));
        return after;
    }

    @PostMapping("/{name}/test")
    @Operation(summary = "Send a prompt through the profile, as the tenant (recorded and billed under feature profile-test)")
    TestAnswer test(OrionTenant tenant, @PathVariable String name, @RequestBody TestPrompt body) {
        profiles.get(tenant.tenant(), name);
        if (body.prompt() == null || body.prompt().isBlank()) {
            throw new IllegalArgumentException("prompt is required");
        }
        ChatResponse r = tenant.llm().feature(TEST_FEATURE).chat(ChatRequest.builder().profile(name).user(body.prompt()).build());
        return new TestAnswer(r.model(), r.modelsTried(), r.text(), r.usage().inputTokens(), r.usage().outputTokens(),
                r.costUsd(), r.cacheHit());
    }

    private List<String> models() {
        OrionLlmProperties p = llm.getIfAvailable();
        return p == null ? List.of() : p.models().keySet().stream().sorted().toList();
    }

    private static Map<String, String> describe(TenantProfiles.ProfileView p) {
        Map<String, String> d = new TreeMap<>();
        d.put("models", String.join(">", p.models()));
        p.temperature().ifPresent(t -> d.put("temperature", t.toString()));
        p.maxTokens().ifPresent(t -> d.put("maxTokens", t.toString()));
        p.maxCostPerRequest().ifPresent(c -> d.put("maxCostPerRequest", c.toPlainString()));
        return d;
    }
}
