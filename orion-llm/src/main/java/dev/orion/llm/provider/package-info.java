/**
 * Chat models that speak to LLM providers over HTTP: OpenAI-compatible chat completions (OpenAI,
 * OpenRouter, vLLM, llama.cpp server, LiteLLM proxy), Anthropic Messages and Ollama.
 *
 * <p>This is the only package of ORION that may talk HTTP to a provider (an architecture test enforces
 * it). Start from {@link dev.orion.llm.provider.Providers} and {@link dev.orion.llm.provider.ProviderSettings};
 * every model returned is a thread-safe {@link dev.orion.llm.ChatModel} whose failures are typed
 * {@link dev.orion.llm.LlmProviderException}s that say whether a retry may help.
 */
package dev.orion.llm.provider;
