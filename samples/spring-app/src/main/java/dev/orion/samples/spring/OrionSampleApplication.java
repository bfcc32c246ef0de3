package dev.orion.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application over ORION: a REST API under {@code /api} (structures, jobs, campaigns, LLM
 * usage and calls, the audit log, LLM profiles), its OpenAPI description at {@code /v3/api-docs} and
 * {@code /swagger-ui.html}, an admin page at {@code /admin/}, and Actuator's health and metrics. Every
 * {@code /api} request is resolved to a tenant by the starter's API-key filter; on first start a demo tenant
 * and key are made and printed ({@link DemoTenant}).
 *
 * <p>Run from the project root: {@code ./mvnw -q -pl samples/spring-app -am package -DskipTests} and
 * {@code java -jar samples/spring-app/target/orion-sample-spring-app.jar}.
 */
@SpringBootApplication
public class OrionSampleApplication {

    /** @param args Spring Boot's command line (e.g. {@code --server.port=9090}) */
    public static void main(String[] args) {
        SpringApplication.run(OrionSampleApplication.class, args);
    }
}
