package dev.orion.core.agent;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.Message;
import dev.orion.llm.TenantChat;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import dev.orion.store.AuditStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a conversation in which the model may call tools: each answer that asks for tool calls has
 * them run, their results appended, and the model asked again, until it answers without tool calls.
 * The loop stops with a {@link ToolLoopException} at {@code maxSteps} model calls, or as soon as the
 * money spent (from {@link ChatResponse#costUsd()}, which the router fills) reaches the cost cap. A tool that
 * throws, or a call of an unknown tool, becomes an error result the model reads and may correct; it never
 * ends the loop. With {@link Builder#audit(AuditStore)} every tool call is written to the tenant's audit log
 * (action {@code "tool-call"}, resource type {@code "tool"}, the tool's name, the run id, the arguments and
 * whether it failed).
 *
 * <pre>{@code
 * ToolLoop loop = ToolLoop.builder(acme.llm().feature("garnet-agent"))
 *         .tool(Tool.of("relax", "Relax a structure", schema, args -> engine.relax(args)))
 *         .maxSteps(8).costCap(new BigDecimal("0.50")).build();
 * ToolLoopResult r = loop.run(ChatRequest.builder().profile("agent").user("Find a stable Li garnet").build());
 * }</pre>
 */
public final class ToolLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ToolLoop.class);
    private static final int MAX_AUDIT_TEXT = 2000;

    private final TenantChat model;
    private final Map<String, Tool> tools;
    private final int maxSteps;
    private final BigDecimal costCap;
    private final Optional<AuditStore> audit;

    private ToolLoop(Builder b) {
        this.model = b.model;
        this.tools = Map.copyOf(b.tools);
        this.maxSteps = b.maxSteps;
        this.costCap = b.costCap;
        this.audit = Optional.ofNullable(b.audit);
    }

    /**
     * A builder over a tenant's model: every step is a call of that tenant (and its feature, project, run).
     *
     * @param model the tenant-bound model, e.g. {@code orion.tenant(acme).llm().feature("agent")}
     * @return the builder
     */
    public static Builder builder(TenantChat model) {
        return new Builder(model);
    }

    /**
     * Runs the loop. The registered tools are offered to the model in addition to those of the request.
     *
     * @param request the opening request
     * @return the final answer and the transcript
     * @throws ToolLoopException at the step limit or cost cap
     */
    public ToolLoopResult run(ChatRequest request) {
        ChatRequest.Builder offered = request.newBuilder();
        List<dev.orion.llm.ToolSpec> specs = new ArrayList<>(request.tools());
        tools.values().forEach(t -> {
            if (specs.stream().noneMatch(s -> s.name().equals(t.spec().name()))) {
                specs.add(t.spec());
            }
        });
        offered.tools(specs);
        List<Message> transcript = new ArrayList<>(request.messages());
        Usage usage = Usage.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int toolCalls = 0;
        for (int step = 1; ; step++) {
            ChatResponse response = model.chat(offered.messages(transcript).build());
            usage = usage.plus(response.usage());
            cost = cost.add(response.costUsd());
            transcript.add(response.message());
            if (response.toolCalls().isEmpty()) {
                return new ToolLoopResult(response, transcript, step, toolCalls, usage, cost);
            }
            if (costCap != null && cost.compareTo(costCap) >= 0) {
                throw new ToolLoopException(ToolLoopException.Limit.COST, step, cost, "$" + costCap.toPlainString());
            }
            if (step >= maxSteps) {
                throw new ToolLoopException(ToolLoopException.Limit.STEPS, step, cost, maxSteps + " steps");
            }
            for (ToolCall call : response.toolCalls()) {
                toolCalls++;
                transcript.add(Message.tool(call.id(), call.name(), runTool(call)));
            }
        }
    }

    private String runTool(ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            String error = "unknown tool '" + call.name() + "'; available: " + tools.keySet();
            audit(call, Optional.of(error));
            return ToolJson.error(error);
        }
        try {
            String result = Objects.requireNonNull(tool.function().apply(call.argumentsJson()), "tool result");
            audit(call, Optional.empty());
            return result;
        } catch (RuntimeException e) {
            // the model gets to see the failure and may correct its arguments
            LOG.debug("tool {} failed on {}: {}", call.name(), call.argumentsJson(), e.toString());
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            audit(call, Optional.of(error));
            return ToolJson.error(error);
        }
    }

    private void audit(ToolCall call, Optional<String> error) {
        audit.ifPresent(log -> {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("run", model.context().runId().orElse(""));
            details.put("feature", model.context().feature().orElse(""));
            details.put("callId", call.id());
            details.put("arguments", clip(call.argumentsJson()));
            details.put("outcome", error.isPresent() ? "error" : "ok");
            error.ifPresent(e -> details.put("error", clip(e)));
            log.record("tool-call", "tool", clip(call.name()), details);
        });
    }

    private static String clip(String text) {
        return text.length() > MAX_AUDIT_TEXT ? text.substring(0, MAX_AUDIT_TEXT) + "…" : text;
    }

    /** Collects the tools and limits of a {@link ToolLoop}. */
    public static final class Builder {
        private final TenantChat model;
        private final Map<String, Tool> tools = new LinkedHashMap<>();
        private int maxSteps = 10;
        private BigDecimal costCap;
        private AuditStore audit;

        private Builder(TenantChat model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** @param tool a tool (names must be unique) @return this */
        public Builder tool(Tool tool) {
            if (tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalArgumentException("tool '" + tool.spec().name() + "' is registered twice");
            }
            return this;
        }

        /** @param steps the most model calls, >= 1 (default 10) @return this */
        public Builder maxSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, was " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /** @param usd the most money the loop may spend @return this */
        public Builder costCap(BigDecimal usd) {
            if (usd.signum() <= 0) {
                throw new IllegalArgumentException("costCap must be > 0, was " + usd);
            }
            this.costCap = usd;
            return this;
        }

        /**
         * @param audit the tenant's audit log, which gets one event per tool call
         * @return this builder (for chaining)
         */
        public Builder audit(AuditStore audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /** @return the loop */
        public ToolLoop build() {
            return new ToolLoop(this);
        }
    }
}
