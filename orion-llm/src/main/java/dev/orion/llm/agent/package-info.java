/**
 * Tool calling for agents: {@link dev.orion.llm.agent.ToolLoop} lets a model call registered Java
 * functions ({@link dev.orion.llm.agent.Tool}) until it answers, within a step limit and a cost cap.
 */
package dev.orion.llm.agent;
