package dev.orion.bench.engines;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.JobRequest;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.RunOutcome;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ORION's overhead per local job: the end-to-end time of a job (submit, store, queue, work folder,
 * launch, wait, parse, store the result, await) running {@code /bin/true}, minus the time of
 * starting and waiting for {@code /bin/true} directly. Jobs run one after another on the in-memory
 * store and on the embedded H2 store.
 *
 * <pre>
 * scripts/bench dev.orion.bench.engines.LocalJobOverheadBench
 * </pre>
 */
public final class LocalJobOverheadBench {

    private LocalJobOverheadBench() {
    }

    /** Runs {@code /bin/true} and reports a fixed energy. */
    static final class TrueEngine implements ProgramEngine {
        @Override public String name() { return "true"; }
        @Override public String version() { return "1"; }
        @Override public List<Path> referencedFiles(Calculation c) { return List.of(); }
        @Override public List<String> validate(Calculation c) { return List.of(); }
        @Override public EngineCapabilities capabilities() {
            return new EngineCapabilities(Set.of("single-point"), Set.of(), false, Set.of());
        }
        @Override public ProgramRun prepare(Calculation c, Path dir) {
            return new ProgramRun(dir, List.of("/bin/true"), Map.of(), List.of(), "/bin/true");
        }
        @Override public CalculationResult parse(Calculation c, ProgramRun run, RunOutcome o) {
            return CalculationResult.builder(name(), -1.0, ((AtomisticCalculation) c).structure().size()).wallTime(o.wallTime()).build();
        }
    }

    static double bare(int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            new ProcessBuilder("/bin/true").start().waitFor();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    static double orion(dev.orion.store.OrionStores stores, Path work, int n) throws Exception {
        Structure s = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.of("Ar"), 0, 0, 0).build();
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(1).build();
             JobService jobs = JobService.builder(stores.tenant(TenantId.of("bench"), Principal.system("bench")))
                     .engine(new TrueEngine()).executor(local).workRoot(work).retryPolicy(JobRetryPolicy.none())
                     .concurrency(1).build()) {
            jobs.start();
            for (int i = 0; i < 20; i++) {
                jobs.awaitResult(jobs.submit(JobRequest.of(Calculation.singlePoint(s), "true").withoutResultReuse()).id(),
                        Duration.ofSeconds(30));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                jobs.awaitResult(jobs.submit(JobRequest.of(Calculation.singlePoint(s), "true").withoutResultReuse()).id(),
                        Duration.ofSeconds(30));
            }
            return (System.nanoTime() - t0) / 1e6 / n;
        }
    }

    /**
     * @param args optional: jobs per measurement (default 200)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path tmp = Files.createTempDirectory("orion-overhead");
        bare(50);
        double bare = bare(n);
        double memory = orion(Stores.inMemory(), tmp.resolve("memory"), n);
        double h2;
        try (var embedded = Stores.embedded(tmp.resolve("h2"))) {
            h2 = orion(embedded, tmp.resolve("h2-work"), n);
        }
        // a benchmark driver reports on the console by design
        System.out.printf(Locale.ROOT, "bare /bin/true: %.2f ms per run%n", bare);
        System.out.printf(Locale.ROOT, "job via ORION, in-memory store: %.2f ms per job, overhead %.2f ms (target <= 5)%n",
                memory, memory - bare);
        System.out.printf(Locale.ROOT, "job via ORION, embedded H2 store: %.2f ms per job, overhead %.2f ms%n", h2, h2 - bare);
    }
}
