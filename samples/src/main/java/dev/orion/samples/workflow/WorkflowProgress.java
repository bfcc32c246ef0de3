package dev.orion.samples.workflow;

import dev.orion.core.workflow.WorkflowEvent;
import dev.orion.core.workflow.WorkflowListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a run's progress: a bar redrawn in place on a terminal ({@code [######----] 6/10 steps, energies 4/11}),
 * one line per finished step otherwise (logs, pipes); a step restored from an earlier start of the run is shown as
 * {@code succeeded (restored)}.
 */
final class WorkflowProgress implements WorkflowListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    /** Steps restored from an earlier start of the run, not yet reported finished. */
    private final java.util.Set<String> restored = new java.util.HashSet<>();

    WorkflowProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onEvent(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.RunStarted s) {
            steps.set(s.steps());
        } else if (event instanceof WorkflowEvent.ItemFinished i && terminal) {
            bar(i.stepId() + " " + i.done() + "/" + i.items());
        } else if (event instanceof WorkflowEvent.StepRestored r && r.item().isEmpty()) {
            restored.add(r.stepId());
        } else if (event instanceof WorkflowEvent.StepFinished f) {
            int n = done.incrementAndGet();
            String status = f.status().name().toLowerCase(java.util.Locale.ROOT) + (restored.remove(f.stepId()) ? " (restored)" : "");
            if (terminal) {
                bar(f.stepId() + " " + status);
            } else {
                out.printf("step %d/%d %s %s%s%n", n, steps.get(), f.stepId(), status, f.error().map(e -> ": " + e).orElse(""));
            }
        } else if (event instanceof WorkflowEvent.RunFinished r) {
            if (terminal) {
                out.println();
            }
            out.println("run " + r.runId() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.flush();
    }

    private void bar(String what) {
        int total = Math.max(1, steps.get());
        int filled = WIDTH * done.get() / total;
        out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done.get() + "/" + total + " steps, " + what + "   ");
    }
}
