package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.core.workflow.internal.Node;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowStepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a workflow: starts every step as soon as the steps it needs have ended, up to the runner's
 * parallelism, and fan-out items in parallel too; applies retries and failure policies; stops on
 * cancellation; records the run. A resumed run restores the steps and items an earlier start finished instead of
 * running them again.
 */
final class Execution {

    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final WorkflowRunner runner;
    private final OrionTenant tenant;
    private final Workflow workflow;
    private final String runId;
    private final Map<String, Object> inputs;
    private final Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
    private final Map<String, StepResult> results = new ConcurrentHashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, Future<StepResult>> running = new ConcurrentHashMap<>();
    /** Steps whose result this start of the run has recorded. */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private volatile RunRecords records;

    Execution(WorkflowRunner runner, OrionTenant tenant, Workflow workflow, String runId, Map<String, Object> inputs) {
        this.runner = runner;
        this.tenant = tenant;
        this.workflow = workflow;
        this.runId = runId;
        this.inputs = inputs;
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            running.values().forEach(f -> f.cancel(true));
        }
    }

    /**
     * Records that the run starts, before its thread does: a run id that belongs to a run of another workflow is
     * refused here, to the caller.
     */
    void begin() {
        records = RunRecords.started(tenant, workflow, runId, inputs, runner::jobs);
    }

    WorkflowRun run() {
        Map<String, StepDef> steps = workflow.stepDefs();
        runner.emit(new WorkflowEvent.RunStarted(runId, workflow.name(), steps.size()));
        ExecutorService stepPool = Executors.newFixedThreadPool(runner.parallelism(), r -> daemon(r, "workflow-step"));
        ExecutorService itemPool = Executors.newFixedThreadPool(runner.parallelism(), r -> daemon(r, "workflow-item"));
        ExecutorCompletionService<StepResult> done = new ExecutorCompletionService<>(stepPool);
        boolean stop = false;
        try {
            while (results.size() < steps.size()) {
                int before = results.size();
                if (!stop && !cancelled.get()) {
                    for (StepDef s : steps.values()) {
                        if (running.size() >= runner.parallelism()) {
                            break;
                        }
                        if (!results.containsKey(s.id()) && !running.containsKey(s.id()) && results.keySet().containsAll(s.needs())) {
                            Optional<String> skip = skipReason(s);
                            if (skip.isPresent()) {
                                finish(new StepResult(s.id(), StepResult.Status.SKIPPED, Map.of(), skip, 0, List.of(), 0, 0,
                                        records.carried(s.id())), Duration.ZERO);
                            } else if (!restored(s)) {
                                running.put(s.id(), done.submit(() -> runStep(s, itemPool)));
                            }
                        }
                    }
                }
                if (running.isEmpty()) {
                    if (results.size() > before && !(stop || cancelled.get())) {
                        continue;
                    }
                    break;
                }
                Future<StepResult> f = done.take();
                StepResult r = outcome(f);
                running.remove(r.stepId());
                if (!results.containsKey(r.stepId())) {
                    results.put(r.stepId(), r);
                }
                if (r.status() == StepResult.Status.FAILED && steps.get(r.stepId()).onFailure() == StepDef.FailurePolicy.STOP) {
                    stop = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } finally {
            stepPool.shutdownNow();
            itemPool.shutdownNow();
            // interrupted items cancel their jobs: let them, so that a cancelled run has no job left running
            awaitQuietly(itemPool);
            awaitQuietly(stepPool);
        }
        return finishRun(steps);
    }

    private WorkflowRun finishRun(Map<String, StepDef> steps) {
        Map<String, StepResult> ordered = new LinkedHashMap<>();
        for (StepDef s : steps.values()) {
            StepResult r = results.get(s.id());
            ordered.put(s.id(), r != null ? r : new StepResult(s.id(), StepResult.Status.CANCELLED, Map.of(),
                    Optional.of(cancelled.get() ? "the run was cancelled" : "not started: the run stopped after a failure"), 0,
                    List.of(), 0, 0, records.carried(s.id())));
            if (!recorded.contains(s.id())) {
                records.stored(ordered.get(s.id()));
            }
        }
        boolean failed = ordered.values().stream().anyMatch(r -> r.status() == StepResult.Status.FAILED
                || (r.status() == StepResult.Status.SKIPPED && r.error().filter(e -> e.startsWith("needs")).isPresent()));
        WorkflowRun.Status status = cancelled.get() ? WorkflowRun.Status.CANCELLED
                : failed || ordered.values().stream().anyMatch(r -> r.status() == StepResult.Status.CANCELLED)
                ? WorkflowRun.Status.FAILED : WorkflowRun.Status.SUCCEEDED;
        Map<String, Object> out = new LinkedHashMap<>();
        Resolver resolver = new Resolver(inputs, outputs);
        workflow.outputNodes().forEach((name, node) -> {
            try {
                out.put(name, resolver.resolve(node, Optional.empty()));
            } catch (IllegalStateException e) {
                LOG.debug("output {} of run {} not computed: {}", name, runId, e.getMessage());
            }
        });
        WorkflowRun run = new WorkflowRun(runId, workflow.name(), status, out, ordered);
        records.finished(run);
        runner.emit(new WorkflowEvent.RunFinished(runId, status));
        return run;
    }

    private Optional<String> skipReason(StepDef s) {
        for (String need : s.needs()) {
            StepResult r = results.get(need);
            if (r.status() != StepResult.Status.SUCCEEDED) {
                return Optional.of("needs step '" + need + "', which " + r.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (s.when().isPresent()) {
            Object w = new Resolver(inputs, outputs).resolve(s.when().get(), Optional.empty());
            if (!Boolean.TRUE.equals(w)) {
                return Optional.of("its condition is false");
            }
        }
        return Optional.empty();
    }

    private StepResult outcome(Future<StepResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step task failed outside its own handling", e.getCause());
        } catch (CancellationException e) {
            String id = running.entrySet().stream().filter(x -> x.getValue() == f).map(Map.Entry::getKey).findFirst().orElseThrow();
            return new StepResult(id, StepResult.Status.CANCELLED, Map.of(), Optional.of("the run was cancelled"), 0, List.of(), 0, 0,
                    records.carried(id));
        }
    }

    /** @return whether an earlier start of the run finished the step, which then ends with what it gave then */
    private boolean restored(StepDef s) {
        Optional<RunRecords.Finished> before = records.finished(s.id(), OptionalInt.empty());
        if (before.isEmpty()) {
            return false;
        }
        WorkflowStepRecord r = before.get().record();
        outputs.put(s.id(), before.get().outputs());
        runner.emit(new WorkflowEvent.StepRestored(runId, s.id(), OptionalInt.empty()));
        finish(new StepResult(s.id(), StepResult.Status.SUCCEEDED, before.get().outputs(), Optional.empty(), r.attempts(), r.jobIds(), 0,
                r.coreHours(), r.llmUsd()), Duration.ZERO);
        return true;
    }

    private StepResult runStep(StepDef s, ExecutorService itemPool) {
        long start = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        // every LLM call is stored at once, so that what the step spent survives a crash and a resumed run adds to it
        StepAccount account = new StepAccount(records.carried(s.id()), records.carriedItems(s.id()), (a, item) -> {
            records.running(s.id(), OptionalInt.empty(), a.jobIds(), attempts.get(), a.llmUsd(), a.coreHours(runner::jobs));
            if (s.fansOut()) {
                records.running(s.id(), OptionalInt.of(item), a.jobIds(item), 0, a.llmUsd(item), a.coreHours(runner::jobs, item));
            }
        });
        records.running(s.id(), OptionalInt.empty(), List.of(), 0, account.llmUsd(), 0);
        Resolver resolver = new Resolver(inputs, outputs);
        StepResult result;
        try {
            List<Optional<Object>> items = items(s, resolver);
            runner.emit(new WorkflowEvent.StepStarted(runId, s.id(), items.size()));
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            AtomicInteger finished = new AtomicInteger();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                futures.add(itemPool.submit(() -> {
                    AtomicInteger itemAttempts = new AtomicInteger();
                    Optional<RunRecords.Finished> before = s.fansOut() ? records.finished(s.id(), OptionalInt.of(index)) : Optional.empty();
                    if (before.isPresent()) {
                        WorkflowStepRecord r = before.get().record();
                        account.restored(index, r.jobIds(), r.coreHours());
                        attempts.addAndGet(r.attempts());
                        runner.emit(new WorkflowEvent.StepRestored(runId, s.id(), OptionalInt.of(index)));
                        runner.emit(new WorkflowEvent.ItemFinished(runId, s.id(), finished.incrementAndGet(), items.size()));
                        return before.get().outputs();
                    }
                    try {
                        Map<String, Object> out = runItem(s, resolver, items.get(index), index, account, attempts, itemAttempts);
                        itemEnded(s, index, StepResult.Status.SUCCEEDED, out, itemAttempts.get(), Optional.empty(), account);
                        return out;
                    } catch (Exception e) {
                        boolean stopped = e instanceof InterruptedException || cancelled.get();
                        itemEnded(s, index, stopped ? StepResult.Status.CANCELLED : StepResult.Status.FAILED, Map.of(), itemAttempts.get(),
                                Optional.of(message(e)), account);
                        throw e;
                    } finally {
                        runner.emit(new WorkflowEvent.ItemFinished(runId, s.id(), finished.incrementAndGet(), items.size()));
                    }
                }));
            }
            List<Map<String, Object>> itemOutputs = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    itemOutputs.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failures.add((s.fansOut() ? "item " + i + ": " : "") + message(e.getCause()));
                }
            }
            if (!failures.isEmpty()) {
                throw new StepFailure(s.fansOut() ? failures.size() + " of " + items.size() + " items failed: "
                        + String.join("; ", failures.subList(0, Math.min(3, failures.size()))) : failures.get(0));
            }
            Map<String, Object> out = collect(s, itemOutputs);
            outputs.put(s.id(), out);
            result = new StepResult(s.id(), StepResult.Status.SUCCEEDED, out, Optional.empty(), attempts.get(), account.jobIds(),
                    account.reused(runner::jobs), account.coreHours(runner::jobs), account.llmUsd());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new StepResult(s.id(), StepResult.Status.CANCELLED, Map.of(), Optional.of("the run was cancelled"), attempts.get(),
                    account.jobIds(), 0, account.coreHours(runner::jobs), account.llmUsd());
        } catch (RuntimeException e) {
            result = new StepResult(s.id(), cancelled.get() ? StepResult.Status.CANCELLED : StepResult.Status.FAILED, Map.of(),
                    Optional.of(message(e)), attempts.get(), account.jobIds(), account.reused(runner::jobs), account.coreHours(runner::jobs),
                    account.llmUsd());
        }
        finish(result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private void itemEnded(StepDef s, int index, StepResult.Status status, Map<String, Object> out, int attempts, Optional<String> error,
                           StepAccount account) {
        if (s.fansOut()) {
            records.item(s.id(), index, WorkflowStepState.valueOf(status.name()), out, account.jobIds(index), attempts, error,
                    account.llmUsd(index), account.coreHours(runner::jobs, index));
        }
    }

    private void finish(StepResult r, Duration took) {
        results.putIfAbsent(r.stepId(), r);
        recorded.add(r.stepId());
        records.step(r);
        runner.emit(new WorkflowEvent.StepFinished(runId, r.stepId(), r.status(), took, r.error()));
    }

    private List<Optional<Object>> items(StepDef s, Resolver resolver) {
        if (!s.fansOut()) {
            return List.of(Optional.empty());
        }
        Object list = resolver.resolve(s.forEach().get(), Optional.empty());
        if (!(list instanceof List<?> l)) {
            throw new StepFailure("'for_each' gave " + list + ", not a list");
        }
        if (l.size() > runner.maxFanOut()) {
            throw new StepFailure("fan-out over " + l.size() + " items exceeds the limit of " + runner.maxFanOut());
        }
        return l.stream().map(Optional::<Object>of).toList();
    }

    private Map<String, Object> runItem(StepDef s, Resolver resolver, Optional<Object> item, int index, StepAccount account,
                                        AtomicInteger attempts, AtomicInteger itemAttempts) throws Exception {
        Map<String, Object> params = params(s, resolver, item);
        Exception last = null;
        for (int attempt = 0; attempt <= s.retries(); attempt++) {
            if (cancelled.get()) {
                throw new InterruptedException("cancelled");
            }
            attempts.incrementAndGet();
            itemAttempts.incrementAndGet();
            try {
                Map<String, Object> out = s.type().execute(new RunContext(tenant, runner::jobs, runId, s.id(), index, attempt, params,
                        workflow.folder(), account, runner.jobTimeout()));
                return checked(s, out);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("cancelled");
                }
                LOG.debug("step {} item {} attempt {} of run {} failed: {}", s.id(), index, attempt + 1, runId, e.toString());
                last = e;
            }
        }
        throw last;
    }

    private Map<String, Object> params(StepDef s, Resolver resolver, Optional<Object> item) {
        Map<String, Object> params = new HashMap<>();
        for (Param p : s.type().parameters()) {
            Node node = s.with().get(p.name());
            Object v = node != null ? resolver.resolve(node, item) : p.defaultValue().orElse(null);
            if (v == null) {
                continue;
            }
            if (!p.type().matches(v)) {
                throw new StepFailure("input '" + p.name() + "' must be " + p.type() + ", got " + v.getClass().getSimpleName() + " " + v);
            }
            if (!p.choices().isEmpty() && !p.choices().contains(v)) {
                throw new StepFailure("input '" + p.name() + "' must be one of " + p.choices() + ", got '" + v + "'");
            }
            params.put(p.name(), v);
        }
        return java.util.Collections.unmodifiableMap(params);
    }

    private static Map<String, Object> checked(StepDef s, Map<String, Object> out) {
        for (Map.Entry<String, ValueType> o : s.type().outputs().entrySet()) {
            Object v = out.get(o.getKey());
            if (v == null || !o.getValue().matches(v)) {
                throw new StepFailure("step type " + s.type().name() + " gave " + (v == null ? "no" : "a wrong") + " output '" + o.getKey()
                        + "' (expected " + o.getValue() + ")");
            }
        }
        return out;
    }

    private static Map<String, Object> collect(StepDef s, List<Map<String, Object>> items) {
        if (!s.fansOut()) {
            return items.get(0);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : s.type().outputs().keySet()) {
            List<Object> values = new ArrayList<>();
            items.forEach(i -> values.add(i.get(name)));
            out.put(name, List.copyOf(values));
        }
        return out;
    }

    private static String message(Throwable t) {
        if (t instanceof StepFailure) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("workflow tasks still running 30 s after the run ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A step that cannot run with what it was given. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailure(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
