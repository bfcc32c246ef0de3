package dev.orion.spring.autoconfigure;

import java.util.function.Supplier;

/** Applies a property to an ORION builder and names the property when the builder rejects its value. */
final class PropertyChecks {

    private PropertyChecks() {
    }

    /**
     * @param property the property being applied
     * @param action   what applies it (a builder call that validates)
     * @param <T>      what the action returns
     * @return what the action returned
     * @throws OrionConfigurationException naming the property if the action throws {@link IllegalArgumentException}
     */
    static <T> T apply(String property, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new OrionConfigurationException(property, e.getMessage(), e);
        }
    }
}
