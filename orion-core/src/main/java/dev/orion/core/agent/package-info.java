/**
 * Tool calling for agents: {@link dev.orion.core.agent.ToolLoop} lets a model call registered Java
 * functions ({@link dev.orion.core.agent.Tool}) until it answers, within a step limit and a cost cap.
 */
package dev.orion.core.agent;
