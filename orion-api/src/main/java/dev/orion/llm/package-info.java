/**
 * The vocabulary of LLM calls in ORION: {@link dev.orion.llm.ChatModel}, the one interface that
 * providers and the router implement, {@link dev.orion.llm.TenantChat}, the tenant-bound view that
 * campaigns, agents and evaluators call, and the immutable values they exchange
 * ({@link dev.orion.llm.ChatRequest}: what the model sees; {@link dev.orion.llm.CallContext}: who the
 * call is for; {@link dev.orion.llm.ChatResponse}, {@link dev.orion.llm.Message},
 * {@link dev.orion.llm.ToolSpec}, {@link dev.orion.llm.ToolCall}, {@link dev.orion.llm.Usage}), plus the
 * typed failures ({@link dev.orion.llm.LlmException} and its subclasses).
 *
 * <p>Implementations (the providers and the router) live in {@code orion-llm}; code that only needs
 * "an LLM" depends on this package alone.
 */
package dev.orion.llm;
