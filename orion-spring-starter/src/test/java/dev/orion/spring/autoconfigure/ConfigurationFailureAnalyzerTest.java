package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ConfigurationFailureAnalyzerTest {

    @Test
    void reportsThePropertyToCorrect() {
        OrionConfigurationException cause = new OrionConfigurationException("orion.local.max-concurrent",
                "maxConcurrent must be 1..1024, got 0");
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer()
                .analyze(new BeanCreationException("orionLocalExecutor", "creating the bean failed", cause));
        assertThat(analysis.getDescription())
                .contains("orion.local.max-concurrent: maxConcurrent must be 1..1024, got 0");
        assertThat(analysis.getAction()).contains("'orion.local.max-concurrent'");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void isRegisteredForSpringBootsFailureReport() throws Exception {
        var factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(factories).contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
                + ConfigurationFailureAnalyzer.class.getName());
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new ConfigurationFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
    }
}
