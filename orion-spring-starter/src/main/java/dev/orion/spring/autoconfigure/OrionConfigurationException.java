package dev.orion.spring.autoconfigure;

import dev.orion.OrionException;
import java.util.Objects;

/**
 * A property under {@code orion.*} that ORION's auto-configuration cannot use: the message names the
 * property and says what is wrong with its value, and start-up fails with it (a failure analyzer turns
 * it into Spring Boot's "APPLICATION FAILED TO START" report).
 */
public class OrionConfigurationException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the property, e.g. {@code orion.local.max-concurrent}
     * @param problem  what is wrong with its value
     */
    public OrionConfigurationException(String property, String problem) {
        super(Objects.requireNonNull(property, "property") + ": " + problem);
        this.property = property;
    }

    /**
     * @param property the property, e.g. {@code orion.llm.providers.openai.base-url}
     * @param problem  what is wrong with its value
     * @param cause    the failure that showed it
     */
    public OrionConfigurationException(String property, String problem, Throwable cause) {
        super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
        this.property = property;
    }

    /** @return the property whose value is wrong */
    public String property() {
        return property;
    }
}
