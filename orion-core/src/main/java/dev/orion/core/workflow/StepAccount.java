package dev.orion.core.workflow;

import dev.orion.core.jobs.JobService;
import dev.orion.engine.Resources;
import dev.orion.store.JobRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one step spent: the jobs it submitted (and under which keys), from which its core-hours are added up when it
 * ends, and the dollars of its LLM calls (each call's price, as the router records it in the call log).
 */
final class StepAccount {

    private record Submitted(String key, Resources resources, int order) {
    }

    private final Map<String, Submitted> submitted = new LinkedHashMap<>();
    private BigDecimal llmUsd = BigDecimal.ZERO;

    /** @param order the item's index times the most attempts plus the attempt: jobs are listed in item order */
    synchronized void submitted(JobRecord job, String key, Resources resources, int order) {
        submitted.putIfAbsent(job.id(), new Submitted(key, resources, order));
    }

    synchronized List<String> jobIds() {
        List<String> ids = new ArrayList<>(submitted.keySet());
        ids.sort(java.util.Comparator.comparingInt((String id) -> submitted.get(id).order()).thenComparing(id -> id));
        return ids;
    }

    /** Jobs created under another key were computed before, for something else, and reused by content hash. */
    synchronized int reused(Supplier<JobService> service) {
        if (submitted.isEmpty()) {
            return 0;
        }
        JobService jobs = service.get();
        int n = 0;
        for (Map.Entry<String, Submitted> e : submitted.entrySet()) {
            if (jobs.job(e.getKey()).flatMap(JobRecord::idempotencyKey).filter(e.getValue().key()::equals).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    synchronized double coreHours(Supplier<JobService> service) {
        if (submitted.isEmpty()) {
            return 0;
        }
        JobService jobs = service.get();
        double hours = 0;
        for (Map.Entry<String, Submitted> e : submitted.entrySet()) {
            JobRecord j = jobs.job(e.getKey()).orElse(null);
            if (j == null || j.idempotencyKey().filter(e.getValue().key()::equals).isEmpty()
                    || j.startedAt().isEmpty() || j.finishedAt().isEmpty()) {
                continue;
            }
            Resources r = e.getValue().resources();
            double seconds = Duration.between(j.startedAt().get(), j.finishedAt().get()).toNanos() / 1e9;
            hours += Math.max(0, seconds) * r.tasks() * r.cpusPerTask() / 3600.0;
        }
        return hours;
    }

    synchronized void llmCall(BigDecimal usd) {
        llmUsd = llmUsd.add(usd);
    }

    synchronized BigDecimal llmUsd() {
        return llmUsd;
    }
}
