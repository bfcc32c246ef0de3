/**
 * Actuator health indicators of ORION ({@link dev.orion.spring.health.OrionHealthAutoConfiguration}):
 * {@code orionStore}, {@code orionEngines}, {@code orionSlurm} and {@code orionLlm}. Active only when
 * the application has Spring Boot Actuator; {@code management.health.orion.enabled=false} turns them off.
 */
package dev.orion.spring.health;
