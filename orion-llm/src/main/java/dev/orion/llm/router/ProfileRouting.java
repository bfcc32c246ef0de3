package dev.orion.llm.router;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.experiment.Experiments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chooses what a request runs under: the profile it names (or the experiment arm its subject is assigned
 * to), resolved for its context's tenant and project, or an implicit one-model profile when it names only a model;
 * then the models to try and the request with the profile's defaults applied. Holds the profiles in
 * force, replaced atomically.
 */
final class ProfileRouting {

    /** What {@link #route} chose for one request. */
    record Route(Profile profile, List<ModelRoute> models, ChatRequest request,
                 Optional<Experiments.Assignment> assignment) {

        /** The experiment arm for the call record, e.g. {@code "prompt-v2:B"}. */
        Optional<String> experimentLabel() {
            return assignment.map(a -> a.experiment() + ":" + a.variant().name());
        }
    }

    private final Map<String, ModelRoute> routes;
    private final AtomicReference<ProfileSet> profiles;
    private final Experiments experiments;

    ProfileRouting(Map<String, ModelRoute> routes, ProfileSet initial, Experiments experiments) {
        this.routes = routes;
        validate(initial);
        this.profiles = new AtomicReference<>(initial);
        this.experiments = experiments;
    }

    ProfileSet profiles() {
        return profiles.get();
    }

    /** Replaces the profiles, or changes nothing if one names an unknown model. */
    void reload(ProfileSet next) {
        validate(next);
        profiles.set(next);
    }

    Route route(ChatRequest request, CallContext context) {
        Chosen chosen = choose(request.profile(), request.model(), context);
        return new Route(chosen.profile(), chosen.models(), withDefaults(request, chosen.profile()), chosen.assignment());
    }

    /** The profile and models for a call naming {@code profileName} or else {@code model} (chat or embeddings). */
    Chosen choose(Optional<String> profileName, Optional<String> model, CallContext context) {
        Optional<Experiments.Assignment> assignment = Optional.empty();
        Profile profile;
        if (profileName.isPresent()) {
            String name = profileName.get();
            if (context.subject().isPresent()) {
                assignment = experiments.assign(name, context.subject().get());
                if (assignment.isPresent()) {
                    name = assignment.get().variant().profile();
                }
            }
            ProfileSet set = profiles.get();
            String resolved = name;
            profile = set.resolve(name, context.tenant(), context.project()).orElseThrow(() ->
                    new LlmConfigurationException("unknown profile '" + resolved + "' (tenant " + context.tenant() + "); known: "
                            + set.names()));
        } else {
            String named = model.orElseThrow();
            if (!routes.containsKey(named)) {
                throw new LlmConfigurationException("unknown model '" + named + "'; known: " + routes.keySet());
            }
            profile = Profile.builder("model:" + named).models(List.of(named)).build();
        }
        List<ModelRoute> models = new ArrayList<>(profile.models().size());
        for (String m : profile.models()) {
            models.add(routes.get(m));
        }
        return new Chosen(profile, List.copyOf(models), assignment);
    }

    /** The profile, its models and the experiment arm of one call. */
    record Chosen(Profile profile, List<ModelRoute> models, Optional<Experiments.Assignment> assignment) {

        /** The experiment arm for the call record, e.g. {@code "prompt-v2:B"}. */
        Optional<String> experimentLabel() {
            return assignment.map(a -> a.experiment() + ":" + a.variant().name());
        }
    }

    private static ChatRequest withDefaults(ChatRequest request, Profile profile) {
        boolean temperature = request.temperature().isEmpty() && profile.temperature().isPresent();
        boolean maxTokens = request.maxTokens().isEmpty() && profile.maxTokens().isPresent();
        if (!temperature && !maxTokens) {
            return request;
        }
        ChatRequest.Builder b = request.newBuilder();
        if (temperature) {
            b.temperature(profile.temperature().get());
        }
        if (maxTokens) {
            b.maxTokens(profile.maxTokens().get());
        }
        return b.build();
    }

    private void validate(ProfileSet set) {
        for (Profile p : set.all()) {
            for (String m : p.models()) {
                if (!routes.containsKey(m)) {
                    throw new LlmConfigurationException("profile '" + p.name() + "' names model '" + m
                            + "', which the router does not know; known: " + routes.keySet());
                }
            }
        }
    }
}
