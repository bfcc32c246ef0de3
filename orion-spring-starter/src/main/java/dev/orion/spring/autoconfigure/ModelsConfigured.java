package dev.orion.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one model is configured under {@code orion.llm.models}: without one there is no router. */
class ModelsConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> models = Binder.get(context.getEnvironment())
                .bind("orion.llm.models", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        return models.isEmpty() ? ConditionOutcome.noMatch("no orion.llm.models configured")
                : ConditionOutcome.match("orion.llm.models " + models.keySet());
    }

    /** Matches when models are configured and {@code orion.llm.reload-interval} is not zero. */
    static final class Reloading extends ModelsConfigured {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome models = super.getMatchOutcome(context, metadata);
            if (!models.isMatch()) {
                return models;
            }
            Duration interval = Binder.get(context.getEnvironment())
                    .bind("orion.llm.reload-interval", Duration.class).orElse(Duration.ZERO);
            return interval.isZero() ? ConditionOutcome.noMatch("orion.llm.reload-interval is zero")
                    : ConditionOutcome.match("orion.llm.reload-interval " + interval);
        }
    }
}
