package dev.orion.core.workflow;

import dev.orion.core.jobs.JobService;
import dev.orion.engine.Resources;
import dev.orion.store.JobRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * What one step spent, in total and per item: the jobs it submitted (and under which keys), from which its core-hours
 * are added up, and the dollars of its LLM calls (each call's price, as the router records it in the call log). A step
 * of a resumed run starts from what the earlier starts of the run spent on it ({@code carried}), so its cost counts
 * every call the run made; after each call {@code onSpend} is told, so the run store keeps the cost through a crash.
 * Items restored from an earlier start keep the jobs and core-hours recorded for them ({@link #restored}).
 */
final class StepAccount {

    /** Orders of jobs: item index times this, plus the attempt. */
    static final int ORDERS_PER_ITEM = 16;

    private record Submitted(String key, Resources resources, int order) {
        int item() {
            return order / ORDERS_PER_ITEM;
        }
    }

    /** What an earlier start of the run recorded for an item this start restored. */
    private record Restored(List<String> jobIds, double coreHours) {
    }

    private final Map<String, Submitted> submitted = new LinkedHashMap<>();
    private final Map<Integer, Restored> restored = new HashMap<>();
    private BigDecimal llmUsd;
    private final Map<Integer, BigDecimal> itemUsd;
    private final ObjIntConsumer<StepAccount> onSpend;

    /**
     * @param carried     the dollars the earlier starts of the run spent on the step
     * @param carriedItem the same per item
     * @param onSpend     told after each LLM call, with the item that made it
     */
    StepAccount(BigDecimal carried, Map<Integer, BigDecimal> carriedItem, ObjIntConsumer<StepAccount> onSpend) {
        this.llmUsd = carried;
        this.itemUsd = new HashMap<>(carriedItem);
        this.onSpend = onSpend;
    }

    /** @param order the item's index times {@link #ORDERS_PER_ITEM} plus the attempt: jobs are listed in item order */
    synchronized void submitted(JobRecord job, String key, Resources resources, int order) {
        submitted.putIfAbsent(job.id(), new Submitted(key, resources, order));
    }

    /**
     * Counts an item that an earlier start of the run finished and this one restored: its jobs are listed among the
     * step's, and the core-hours recorded for it stay in the step's cost.
     */
    synchronized void restored(int item, List<String> jobIds, double coreHours) {
        restored.put(item, new Restored(List.copyOf(jobIds), coreHours));
    }

    synchronized List<String> jobIds() {
        return ids(i -> true);
    }

    synchronized List<String> jobIds(int item) {
        return ids(i -> i == item);
    }

    private List<String> ids(IntPredicate which) {
        Map<String, Integer> order = new HashMap<>();
        submitted.forEach((id, s) -> {
            if (which.test(s.item())) {
                order.put(id, s.order());
            }
        });
        restored.forEach((item, r) -> {
            if (which.test(item)) {
                r.jobIds().forEach(id -> order.putIfAbsent(id, item * ORDERS_PER_ITEM));
            }
        });
        List<String> ids = new ArrayList<>(order.keySet());
        ids.sort(Comparator.comparingInt((String id) -> order.get(id)).thenComparing(id -> id));
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
        return hours(service, i -> true);
    }

    synchronized double coreHours(Supplier<JobService> service, int item) {
        return hours(service, i -> i == item);
    }

    /**
     * Sums per item, each item's jobs in their order, then the items in index order: the same jobs give the same
     * digits however the fan-out's items finished, and a restored item's recorded hours equal what it adds here.
     */
    private double hours(Supplier<JobService> service, IntPredicate which) {
        Map<Integer, Double> perItem = new TreeMap<>();
        restored.forEach((item, r) -> {
            if (which.test(item)) {
                perItem.put(item, r.coreHours());
            }
        });
        List<Map.Entry<String, Submitted>> mine = submitted.entrySet().stream().filter(e -> which.test(e.getValue().item()))
                .sorted(Map.Entry.<String, Submitted>comparingByValue(Comparator.comparingInt(Submitted::order))
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        JobService jobs = mine.isEmpty() ? null : service.get();
        for (Map.Entry<String, Submitted> e : mine) {
            JobRecord j = jobs.job(e.getKey()).orElse(null);
            if (j == null || j.idempotencyKey().filter(e.getValue().key()::equals).isEmpty()
                    || j.startedAt().isEmpty() || j.finishedAt().isEmpty()) {
                continue;
            }
            Resources r = e.getValue().resources();
            double seconds = Duration.between(j.startedAt().get(), j.finishedAt().get()).toNanos() / 1e9;
            perItem.merge(e.getValue().item(), Math.max(0, seconds) * r.tasks() * r.cpusPerTask() / 3600.0, Double::sum);
        }
        double hours = 0;
        for (double h : perItem.values()) {
            hours += h;
        }
        return hours;
    }

    void llmCall(int item, BigDecimal usd) {
        synchronized (this) {
            llmUsd = llmUsd.add(usd);
            itemUsd.merge(item, usd, BigDecimal::add);
        }
        onSpend.accept(this, item);
    }

    synchronized BigDecimal llmUsd() {
        return llmUsd;
    }

    synchronized BigDecimal llmUsd(int item) {
        return itemUsd.getOrDefault(item, BigDecimal.ZERO);
    }
}
