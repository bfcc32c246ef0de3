package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.TenantChat;
import dev.orion.store.JobRecord;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link StepContext} of one attempt of one item of one step. */
final class RunContext implements StepContext {

    private final OrionTenant tenant;
    private final Supplier<JobService> jobs;
    private final String runId;
    private final String stepId;
    private final int index;
    private final int attempt;
    private final Map<String, Object> inputs;
    private final Optional<Path> folder;
    private final StepAccount account;
    private final Duration jobTimeout;
    /** How many calculations this context has submitted: each gets its own idempotency key. */
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    RunContext(OrionTenant tenant, Supplier<JobService> jobs, String runId, String stepId, int index, int attempt, Map<String, Object> inputs,
               Optional<Path> folder, StepAccount account, Duration jobTimeout) {
        this.tenant = tenant;
        this.jobs = jobs;
        this.runId = runId;
        this.stepId = stepId;
        this.index = index;
        this.attempt = attempt;
        this.inputs = inputs;
        this.folder = folder;
        this.account = account;
        this.jobTimeout = jobTimeout;
    }

    /** @return the tenant the run belongs to (for built-in steps that run a campaign) */
    OrionTenant tenant() {
        return tenant;
    }

    /** @return the job service of the run */
    JobService jobService() {
        return jobs.get();
    }

    /**
     * Counts a job submitted by something the step runs (a campaign's evaluator) as the step's own, so it is listed in
     * the step's jobs and its core-hours are in the step's cost.
     */
    void adopt(String jobId, dev.orion.engine.Resources resources) {
        jobs.get().job(jobId).ifPresent(job -> account.submitted(job, job.idempotencyKey().orElse(""), resources, index * StepAccount.ORDERS_PER_ITEM + attempt));
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public int itemIndex() {
        return index;
    }

    @Override
    public Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public Optional<Object> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    private <T> T typed(String name, Class<T> type, String what) {
        Object v = inputs.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("input '" + name + "' of step '" + stepId + "' must be " + what + ", got "
                    + (v == null ? "nothing" : v.getClass().getSimpleName() + " " + v));
        }
        return type.cast(v);
    }

    @Override
    public Structure structure(String name) {
        return typed(name, Structure.class, "a structure");
    }

    @Override
    public double number(String name) {
        return typed(name, Number.class, "a number").doubleValue();
    }

    @Override
    public String string(String name) {
        return typed(name, String.class, "a string");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return typed(name, List.class, "a list");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return typed(name, Map.class, "a mapping");
    }

    @Override
    public Path resolve(String relative) {
        Path p = Path.of(relative);
        return p.isAbsolute() || folder.isEmpty() ? p : folder.get().resolve(p).normalize();
    }

    @Override
    public CalculationResult calculate(JobRequest request) throws Exception {
        return await(submit(List.of(request)).get(0));
    }

    /**
     * Submits calculations at once (so they run side by side), each under the next idempotency key of this context:
     * a step that runs several calculations gets a distinct job for each, found again in the same order on a
     * resumed run.
     *
     * @param requests the jobs, in a fixed order
     * @return their records, in the same order
     */
    List<JobRecord> submit(List<JobRequest> requests) {
        List<JobRecord> out = new java.util.ArrayList<>();
        for (JobRequest request : requests) {
            String key = idempotencyKey(calls.getAndIncrement());
            JobRecord job = jobs.get().submit(request.withIdempotencyKey(key));
            account.submitted(job, key, request.resources(), index * StepAccount.ORDERS_PER_ITEM + attempt);
            out.add(job);
        }
        return List.copyOf(out);
    }

    /** @param job a job of {@link #submit}  @return its result  @throws Exception if it failed or the wait was interrupted */
    CalculationResult await(JobRecord job) throws Exception {
        try {
            return jobs.get().awaitResult(job.id(), jobTimeout);
        } catch (InterruptedException e) {
            jobs.get().cancel(job.id());
            throw e;
        }
    }

    /**
     * Run, step, item and attempt, and the call's number within them after the first: the same on a resumed run,
     * so the job service finds the job again.
     */
    private String idempotencyKey(int call) {
        String key = "wf:" + runId + ":" + stepId + ":" + index + (attempt > 0 ? ":a" + attempt : "") + (call > 0 ? ":c" + call : "");
        if (key.length() <= 150) {
            return key;
        }
        try {
            return "wf:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public TenantChat llm() {
        TenantChat chat = tenant.llm().run(runId).feature("workflow:" + stepId);
        // every call is counted into the step's cost; the call log has the same calls under the run id and feature
        ChatModel counting = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                ChatResponse r = chat.chat(request);
                account.llmCall(index, r.costUsd());
                return r;
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                ChatResponse r = chat.stream(request, listener);
                account.llmCall(index, r.costUsd());
                return r;
            }
        };
        return TenantChat.bind(counting, chat.context());
    }
}
