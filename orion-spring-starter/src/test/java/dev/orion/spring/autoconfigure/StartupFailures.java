package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** Assertions on why a context failed to start. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** @return the messages of the start-up failure and all its causes, outermost first */
    static List<String> messages(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        List<String> messages = new ArrayList<>();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    /**
     * Asserts that start-up failed with an {@link OrionConfigurationException} naming the property.
     *
     * @param context the failed context
     * @param property the property the failure must name
     * @param problem  text the message must contain
     */
    static void namesProperty(AssertableApplicationContext context, String property, String problem) {
        assertThat(context).hasFailed();
        OrionConfigurationException found = null;
        for (Throwable t = context.getStartupFailure(); t != null && found == null; t = t.getCause()) {
            if (t instanceof OrionConfigurationException e) {
                found = e;
            }
        }
        assertThat(found).as("an OrionConfigurationException among the causes of %s", context.getStartupFailure())
                .isNotNull();
        assertThat(found.property()).isEqualTo(property);
        assertThat(found.getMessage()).startsWith(property + ": ").contains(problem);
    }
}
