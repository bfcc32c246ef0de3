package dev.orion.spring.autoconfigure;

import dev.orion.llm.ChatModel;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.ProfileSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Builds the providers, model routes and profiles that {@code orion.llm.*} describes into a router builder. */
final class RouterFactory {

    private RouterFactory() {
    }

    /**
     * @param properties the {@code orion.llm.*} properties
     * @param loader     resolves the profile file's location
     * @param router     the builder to add models and profiles to
     * @throws OrionConfigurationException naming the first property that cannot be used
     */
    static void configure(OrionLlmProperties properties, ResourceLoader loader, LlmRouter.Builder router) {
        Map<String, ChatModel> providers = new LinkedHashMap<>();
        new TreeMap<>(properties.providers()).forEach((name, p) -> providers.put(name, provider(name, p)));
        new TreeMap<>(properties.models()).forEach((name, m) -> router.model(route(name, m, providers)));
        profiles(properties, loader).ifPresent(router::profiles);
    }

    /**
     * @param properties the {@code orion.llm.*} properties
     * @param loader     resolves the profile file's location
     * @return the profile file's profiles, if one is configured
     */
    static Optional<ProfileSet> profiles(OrionLlmProperties properties, ResourceLoader loader) {
        if (properties.profiles() == null || properties.profiles().isBlank()) {
            return Optional.empty();
        }
        Resource resource = loader.getResource(properties.profiles());
        String yaml;
        try (var in = resource.getInputStream()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrionConfigurationException("orion.llm.profiles", "cannot read the profile file '"
                    + properties.profiles() + "': " + e.getMessage(), e);
        }
        try {
            return Optional.of(ProfileSet.fromYaml(yaml));
        } catch (LlmConfigurationException e) {
            throw new OrionConfigurationException("orion.llm.profiles", "the profile file '" + properties.profiles()
                    + "' is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * @param properties the {@code orion.llm.*} properties
     * @param loader     resolves the profile file's location
     * @return the profile file as a path, if it is given as a {@code file:} location (which can change and be
     *         reloaded; a class-path resource is part of the application)
     */
    static Optional<Path> profileFile(OrionLlmProperties properties, ResourceLoader loader) {
        if (properties.profiles() == null || !properties.profiles().startsWith("file:")) {
            return Optional.empty();
        }
        Resource resource = loader.getResource(properties.profiles());
        if (!resource.isFile()) {
            return Optional.empty();
        }
        try {
            return Optional.of(resource.getFile().toPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ChatModel provider(String name, OrionLlmProperties.Provider p) {
        String prefix = "orion.llm.providers." + name + ".";
        if (p.baseUrl() == null || p.baseUrl().isBlank()) {
            throw new OrionConfigurationException(prefix + "base-url", "must be set (the provider's http(s) URL)");
        }
        ProviderSettings.Builder b = ProviderSettings.builder();
        PropertyChecks.apply(prefix + "base-url", () -> b.name(name).baseUrl(p.baseUrl()));
        if (p.apiKey() != null) {
            // the builder's message never holds the key
            PropertyChecks.apply(prefix + "api-key", () -> b.apiKey(p.apiKey()));
        }
        PropertyChecks.apply(prefix + "connect-timeout", () -> b.connectTimeout(p.connectTimeout()));
        PropertyChecks.apply(prefix + "read-timeout", () -> b.readTimeout(p.readTimeout()));
        PropertyChecks.apply(prefix + "call-timeout", () -> b.callTimeout(p.callTimeout()));
        PropertyChecks.apply(prefix + "default-max-tokens", () -> b.defaultMaxTokens(p.defaultMaxTokens()));
        p.headers().forEach(b::header);
        ProviderSettings settings = b.legacyMaxTokens(p.legacyMaxTokens()).build();
        return switch (p.kind()) {
            case OPENAI -> Providers.openAiCompatible(settings);
            case ANTHROPIC -> Providers.anthropic(settings);
            case OLLAMA -> Providers.ollama(settings);
        };
    }

    private static ModelRoute route(String name, OrionLlmProperties.Model m, Map<String, ChatModel> providers) {
        String prefix = "orion.llm.models." + name + ".";
        ChatModel backend = m.provider() == null ? null : providers.get(m.provider());
        if (backend == null) {
            throw new OrionConfigurationException(prefix + "provider", "must name one of the providers under"
                    + " orion.llm.providers " + providers.keySet() + ", was '" + m.provider() + "'");
        }
        String id = m.id() == null || m.id().isBlank() ? name : m.id();
        return PropertyChecks.apply("orion.llm.models." + name,
                () -> new ModelRoute(name, m.provider(), id, backend, m.contextWindow()));
    }
}
