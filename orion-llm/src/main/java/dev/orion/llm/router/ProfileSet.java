package dev.orion.llm.router;

import dev.orion.llm.LlmConfigurationException;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of profiles with per-tenant and per-project overrides. The router holds one
 * set at a time and swaps it atomically on {@link LlmRouter#reloadProfiles(ProfileSet)}; a call reads
 * the set once when it starts, so calls in flight keep the profiles they started with.
 *
 * <p>Resolution order for a profile name: the project's override, then the tenant's, then the base.
 *
 * <p>YAML form (overrides are partial: their fields are merged onto the base profile):
 * <pre>
 * profiles:
 *   advisor:
 *     models: [gpt-4o-mini, claude-haiku]      # primary, then fallbacks
 *     temperature: 0.2
 *     maxTokens: 800
 *     cache: { ttl: 1h }
 *     retry: { maxRetries: 2, initialBackoff: 250ms, maxBackoff: 8s, maxRetryAfter: 60s }
 *     cooldown: { failures: 5, duration: 30s }
 *     maxCostPerRequest: 0.05
 *     budgets: [ { scope: tenant, period: day, limitUsd: 20 } ]
 *     rateLimits: [ { scope: tenant, requestsPerMinute: 120, tokensPerMinute: 200000 } ]
 * tenants:
 *   acme:
 *     profiles: { advisor: { models: [claude-sonnet] } }
 *     projects:
 *       cathodes:
 *         profiles: { advisor: { maxCostPerRequest: 0.50 } }
 * </pre>
 */
public final class ProfileSet {

    private final Map<String, Profile> base;
    private final Map<TenantId, Map<String, Profile>> tenantOverrides;
    private final Map<String, Map<String, Profile>> projectOverrides;

    private ProfileSet(Map<String, Profile> base, Map<TenantId, Map<String, Profile>> tenants,
                       Map<String, Map<String, Profile>> projects) {
        this.base = Map.copyOf(base);
        this.tenantOverrides = copy(tenants);
        this.projectOverrides = copy(projects);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a YAML profile file. @param path the file @return the set */
    public static ProfileSet fromYaml(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return ProfileYaml.read(reader, path.toString());
        } catch (IOException e) {
            throw new LlmConfigurationException("cannot read profile file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads YAML profile text. @param yaml the text @return the set */
    public static ProfileSet fromYaml(String yaml) {
        return ProfileYaml.read(new StringReader(yaml), "<string>");
    }

    /**
     * The profile that applies to a call.
     *
     * @param name    the profile name
     * @param tenant  the tenant the call is for
     * @param project the project within the tenant, if any
     * @return the profile, if any level defines it
     */
    public Optional<Profile> resolve(String name, TenantId tenant, Optional<ProjectId> project) {
        if (project.isPresent()) {
            Profile p = projectOverrides.getOrDefault(projectKey(tenant, project.get()), Map.of()).get(name);
            if (p != null) {
                return Optional.of(p);
            }
        }
        Profile t = tenantOverrides.getOrDefault(tenant, Map.of()).get(name);
        if (t != null) {
            return Optional.of(t);
        }
        return Optional.ofNullable(base.get(name));
    }

    private static String projectKey(TenantId tenant, ProjectId project) {
        return tenant.value() + "/" + project.value();
    }

    /** The base profile names. */
    public Set<String> names() {
        return base.keySet();
    }

    /** The base profiles by name. */
    public Map<String, Profile> profiles() {
        return base;
    }

    /** Every profile, base and overrides, for validation. */
    public java.util.List<Profile> all() {
        java.util.List<Profile> out = new java.util.ArrayList<>(base.values());
        tenantOverrides.values().forEach(m -> out.addAll(m.values()));
        projectOverrides.values().forEach(m -> out.addAll(m.values()));
        return java.util.List.copyOf(out);
    }

    /**
     * The profiles one tenant overrides (not its projects'), for an admin page that shows which of the
     * tenant's profiles differ from the base.
     *
     * @param tenant the tenant
     * @return the tenant's overrides by profile name, empty when it has none
     */
    public Map<String, Profile> tenantOverrides(TenantId tenant) {
        return tenantOverrides.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of());
    }

    /**
     * A copy of this set in which one tenant's version of a profile is replaced (or added), everything else
     * unchanged; give it to {@link LlmRouter#reloadProfiles(ProfileSet)} to edit one tenant's profile while
     * the router runs.
     *
     * @param tenant  the tenant
     * @param profile the tenant's version of the profile (its name says which)
     * @return the new set
     */
    public ProfileSet withTenantOverride(TenantId tenant, Profile profile) {
        Map<TenantId, Map<String, Profile>> tenants = new HashMap<>(tenantOverrides);
        Map<String, Profile> own = new HashMap<>(tenants.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of()));
        own.put(profile.name(), Objects.requireNonNull(profile, "profile"));
        tenants.put(tenant, own);
        return new ProfileSet(base, tenants, projectOverrides);
    }

    /**
     * A copy of this set without one tenant's version of a profile, so the tenant gets the base profile again.
     *
     * @param tenant the tenant
     * @param name   the profile's name
     * @return the new set (equal in content to this one when the tenant had no such override)
     */
    public ProfileSet withoutTenantOverride(TenantId tenant, String name) {
        Map<TenantId, Map<String, Profile>> tenants = new HashMap<>(tenantOverrides);
        Map<String, Profile> own = new HashMap<>(tenants.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of()));
        own.remove(Objects.requireNonNull(name, "name"));
        if (own.isEmpty()) {
            tenants.remove(tenant);
        } else {
            tenants.put(tenant, own);
        }
        return new ProfileSet(base, tenants, projectOverrides);
    }

    private static <K> Map<K, Map<String, Profile>> copy(Map<K, Map<String, Profile>> m) {
        Map<K, Map<String, Profile>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return Map.copyOf(out);
    }

    /** Collects profiles and overrides. */
    public static final class Builder {
        private final Map<String, Profile> base = new HashMap<>();
        private final Map<TenantId, Map<String, Profile>> tenants = new HashMap<>();
        private final Map<String, Map<String, Profile>> projects = new HashMap<>();

        private Builder() {
        }

        /** @param profile a base profile (replaces one of the same name) @return this */
        public Builder profile(Profile profile) {
            base.put(profile.name(), Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** @param tenant the tenant @param profile the tenant's version of a profile @return this */
        public Builder tenantOverride(TenantId tenant, Profile profile) {
            tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new HashMap<>()).put(profile.name(), profile);
            return this;
        }

        /** @param tenant the tenant @param project the project @param profile the project's version @return this */
        public Builder projectOverride(TenantId tenant, ProjectId project, Profile profile) {
            projects.computeIfAbsent(projectKey(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(project, "project")),
                    t -> new HashMap<>()).put(profile.name(), profile);
            return this;
        }

        /** @return the set */
        public ProfileSet build() {
            return new ProfileSet(base, tenants, projects);
        }
    }
}
