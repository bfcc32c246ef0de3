package dev.orion.spring.autoconfigure;

import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.RouterLink;
import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.log.InMemoryCallLog;
import dev.orion.llm.router.store.RouterStores;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures an {@link LlmRouter} from the {@code orion.llm.*} properties ({@link OrionLlmProperties})
 * when at least one model is configured: its providers, models and profile file, its state in ORION's
 * store ({@code orion.llm.persist}), every {@link RouterLink} bean of the application as a link of its
 * chain, and every {@link LlmCallObserver} bean as an observer of its call records. The router becomes the chat model of the auto-configured {@code Orion}. Without a model there is
 * no router, and ORION runs without a chat model.
 */
@AutoConfiguration(before = OrionAutoConfiguration.class)
@ConditionalOnClass(LlmRouter.class)
@EnableConfigurationProperties(OrionLlmProperties.class)
public class OrionLlmAutoConfiguration {

    /** Who the router acts as in the store (as {@link LlmRouter.Builder#stores(OrionStores)} does). */
    private static final Principal ROUTER_ACTOR = Principal.system("llm-router");

    /** Creates the auto-configuration (Spring does). */
    public OrionLlmAutoConfiguration() {
    }

    /**
     * @param properties the {@code orion.llm.*} properties
     * @param loader     resolves the profile file's location
     * @param stores     ORION's store, if there is one (the router keeps its state there)
     * @param links      the application's router links, in order
     * @param observers  told of every call the router records (metrics, the application's own)
     * @return the router (closed with the context, after its call log is flushed)
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(ModelsConfigured.class)
    public LlmRouter orionLlmRouter(OrionLlmProperties properties, ResourceLoader loader,
            ObjectProvider<OrionStores> stores, ObjectProvider<RouterLink> links, ObjectProvider<LlmCallObserver> observers) {
        LlmRouter.Builder b = LlmRouter.builder();
        RouterFactory.configure(properties, loader, b);
        OrionStores persistent = properties.persist() ? stores.getIfUnique() : null;
        if (persistent != null) {
            b.stores(persistent);
        }
        List<LlmCallObserver> told = observers.orderedStream().toList();
        if (!told.isEmpty()) {
            CallLog log = persistent != null ? RouterStores.of(persistent, ROUTER_ACTOR).callLog() : new InMemoryCallLog();
            b.callLog(new ObservedCallLog(log, told));
        }
        links.orderedStream().forEach(b::addLink);
        try {
            return b.build();
        } catch (LlmConfigurationException e) {
            throw new OrionConfigurationException("orion.llm.profiles", e.getMessage(), e);
        }
    }

    /**
     * @param properties the {@code orion.llm.*} properties
     * @param loader     resolves the profile file's location
     * @param router     the router whose profiles are reloaded
     * @return the reloader of the profile file (closed with the context)
     */
    @Bean
    @Conditional(ModelsConfigured.Reloading.class)
    ProfileReloader orionProfileReloader(OrionLlmProperties properties, ResourceLoader loader, LlmRouter router) {
        if (properties.reloadInterval().isNegative()) {
            throw new OrionConfigurationException("orion.llm.reload-interval", "must not be negative, was "
                    + properties.reloadInterval());
        }
        return RouterFactory.profileFile(properties, loader)
                .map(file -> new ProfileReloader(file, router, properties.reloadInterval()))
                .orElseThrow(() -> new OrionConfigurationException("orion.llm.reload-interval", "reloads a profile file"
                        + " on disk, but orion.llm.profiles is '" + properties.profiles() + "' (use file:...)"));
    }
}
