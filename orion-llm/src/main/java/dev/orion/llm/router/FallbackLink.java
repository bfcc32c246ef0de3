package dev.orion.llm.router;

import dev.orion.llm.AllModelsCoolingDownException;
import dev.orion.BudgetExceededException;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.LlmException;
import dev.orion.llm.StreamInterruptedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the profile's chain: skips models whose context window cannot hold the prompt and models that
 * are cooling down, and proceeds once per remaining model (the retry link below retries each model on
 * its own, so leaving a model never restarts its retry cycle). A stream that has delivered a chunk is
 * never sent to another model.
 */
final class FallbackLink implements RouterLink {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackLink.class);

    private final ModelHealth health;
    private final Clock clock;

    FallbackLink(ModelHealth health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        RoutedCall call = chain.call();
        ChatRequest request = chain.request();
        Profile profile = call.profile();
        long needed = TokenEstimate.prompt(request) + request.maxTokens().orElse(0);
        LlmException last = null;
        List<String> cooling = new ArrayList<>();
        Instant firstBack = null;
        boolean anyFits = false;
        for (ModelRoute route : call.routes()) {
            if (profile.contextWindowFallback() && needed > route.contextWindow()) {
                LOG.debug("skipping model {}: about {} tokens exceed its window of {}", route.name(), needed, route.contextWindow());
                continue;
            }
            anyFits = true;
            Instant now = clock.instant();
            Instant until = health.coolingUntil(route.name(), now);
            if (until != null) {
                cooling.add(route.name());
                firstBack = firstBack == null || until.isBefore(firstBack) ? until : firstBack;
                continue;
            }
            call.tried(route.name());
            try {
                return chain.proceed(request.newBuilder().model(route.name()).build());
            } catch (StreamInterruptedException | BudgetExceededException e) {
                throw e;
            } catch (LlmException e) {
                if (call.chunksDelivered() > 0) {
                    throw new StreamInterruptedException(route.name(), call.chunksDelivered(), call.streamedText(), e);
                }
                LOG.debug("model {} of profile {} failed, falling back: {}", route.name(), profile.name(), e.getMessage());
                last = e;
            }
        }
        if (!anyFits) {
            throw new LlmConfigurationException("a prompt of about " + needed + " tokens (with max_tokens) fits no model of profile '"
                    + profile.name() + "'; context windows: " + call.routes().stream()
                    .map(r -> r.name() + "=" + r.contextWindow()).toList());
        }
        if (last != null) {
            throw last;
        }
        throw new AllModelsCoolingDownException(profile.name(), cooling, firstBack, clock.instant());
    }
}
