/**
 * Spring Boot auto-configuration of ORION: an {@code Orion} from the {@code orion.*} properties
 * ({@link dev.orion.spring.autoconfigure.OrionAutoConfiguration}) and an LLM router from
 * {@code orion.llm.*} ({@link dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration}). Every bean
 * backs off when the application defines its own; a property that cannot be used fails start-up with
 * an {@link dev.orion.spring.autoconfigure.OrionConfigurationException} naming it. See docs/spring.md.
 */
package dev.orion.spring.autoconfigure;
