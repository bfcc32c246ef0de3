package dev.orion.samples.spring;

import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.ProfileSet;
import dev.orion.store.NotFoundException;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Each tenant's view of the router's LLM profiles: the base profiles with the tenant's own overrides, and the
 * edits that make or drop an override. An edit swaps the router's whole {@link ProfileSet} for a copy with the
 * tenant's override changed, so calls already running keep the profile they started with and the next call
 * uses the edit; other tenants' profiles are never read or changed here. Overrides are held by the router,
 * so they last until the application stops (or a profile file reload replaces the set).
 */
@Service
class TenantProfiles {

    private final ObjectProvider<LlmRouter> router;

    TenantProfiles(ObjectProvider<LlmRouter> router) {
        this.router = router;
    }

    /**
     * A profile as one tenant gets it.
     *
     * @param name              its name
     * @param models            the primary model, then the fallbacks
     * @param temperature       the default temperature, if any
     * @param maxTokens         the default completion limit, if any
     * @param maxCostPerRequest the cost cap of one call in USD, if any
     * @param overridden        whether the tenant has its own version
     */
    record ProfileView(String name, List<String> models, Optional<Double> temperature, Optional<Integer> maxTokens,
                       Optional<BigDecimal> maxCostPerRequest, boolean overridden) {
    }

    /** @param tenant the tenant @return its profiles, by name */
    List<ProfileView> list(TenantId tenant) {
        ProfileSet set = router().profiles();
        return set.names().stream().sorted(Comparator.naturalOrder()).map(n -> view(set, tenant, n)).toList();
    }

    /** @param tenant the tenant @param name a profile @return it as the tenant gets it */
    ProfileView get(TenantId tenant, String name) {
        ProfileSet set = router().profiles();
        requireBase(set, name);
        return view(set, tenant, name);
    }

    /**
     * Makes (or replaces) the tenant's version of a base profile, from the version it has now.
     *
     * @param tenant the tenant
     * @param name   the profile
     * @param change what to change in it
     * @return the profile as the tenant now gets it
     * @throws dev.orion.llm.LlmConfigurationException if the router rejects it (an unknown model, ...)
     */
    synchronized ProfileView edit(TenantId tenant, String name, UnaryOperator<Profile.Builder> change) {
        LlmRouter r = router();
        ProfileSet set = r.profiles();
        requireBase(set, name);
        Profile current = set.resolve(name, tenant, Optional.empty()).orElseThrow();
        Profile edited = change.apply(current.toBuilder()).name(name).build();
        r.reloadProfiles(set.withTenantOverride(tenant, edited));
        return view(r.profiles(), tenant, name);
    }

    /**
     * Drops the tenant's version of a profile, so it gets the base profile again.
     *
     * @param tenant the tenant
     * @param name   the profile
     * @return the profile as the tenant now gets it
     */
    synchronized ProfileView reset(TenantId tenant, String name) {
        LlmRouter r = router();
        ProfileSet set = r.profiles();
        requireBase(set, name);
        r.reloadProfiles(set.withoutTenantOverride(tenant, name));
        return view(r.profiles(), tenant, name);
    }

    private static void requireBase(ProfileSet set, String name) {
        if (!set.names().contains(name)) {
            throw new NotFoundException("profile", name);
        }
    }

    private static ProfileView view(ProfileSet set, TenantId tenant, String name) {
        Profile p = set.resolve(name, tenant, Optional.empty()).orElseThrow();
        return new ProfileView(name, p.models(), p.temperature(), p.maxTokens(), p.maxCostPerRequest(),
                set.tenantOverrides(tenant).containsKey(name));
    }

    private LlmRouter router() {
        LlmRouter r = router.getIfAvailable();
        if (r == null) {
            throw new IllegalStateException("this application has no LLM router: configure orion.llm.providers and"
                    + " orion.llm.models (docs/spring.md)");
        }
        return r;
    }
}
