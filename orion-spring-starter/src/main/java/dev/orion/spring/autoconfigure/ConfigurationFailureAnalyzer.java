package dev.orion.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link OrionConfigurationException} as the property to fix and how. */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<OrionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OrionConfigurationException cause) {
        return new FailureAnalysis("ORION cannot start with its configuration. " + cause.getMessage(),
                "Correct the property '" + cause.property() + "' (see docs/spring.md for the ORION properties).", cause);
    }
}
