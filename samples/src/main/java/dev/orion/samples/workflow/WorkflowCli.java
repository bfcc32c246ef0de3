package dev.orion.samples.workflow;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.ImportResult;
import dev.orion.core.workflow.InvalidWorkflowException;
import dev.orion.core.workflow.Problem;
import dev.orion.core.workflow.StepResult;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowPlan;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.engines.calculix.CalculixEngine;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.espresso.EspressoEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.NotFoundException;
import dev.orion.store.WorkflowRunRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workflow command line, run by {@code scripts/workflow}:
 *
 * <pre>
 * scripts/workflow validate FILE...          every problem as file:line:column: message
 * scripts/workflow plan FILE                 the dry run: stages, parallel steps, estimated jobs
 * scripts/workflow run FILE|--template NAME [--set NAME=VALUE]... [--out DIR] [--store DIR] [--potentials DIR] [--run-id ID]
 * scripts/workflow runs [--workflow NAME] [--state STATE] [--limit N] [--store DIR]   stored runs, newest first
 * scripts/workflow show RUN [--store DIR]     one stored run as JSON: inputs, outputs, every step and item, cost
 * scripts/workflow templates                 the shipped templates
 * scripts/workflow template NAME             one template's text (to copy and change)
 * scripts/workflow install [--store DIR]     load the shipped templates into the store (idempotent)
 * scripts/workflow save FILE [--store DIR]   store a workflow file as a template, a new version if changed
 * scripts/workflow library [--store DIR] [--search TEXT] [--tag TAG]...   stored templates with runs and success rate
 * scripts/workflow history NAME [--store DIR]            every stored version of a template
 * scripts/workflow diff NAME FROM TO [--store DIR]       the line diff between two versions
 * scripts/workflow drafts [--store DIR]                  model-written drafts awaiting approval
 * scripts/workflow approve NAME VERSION [--store DIR]    approve a draft: it may run from the store
 * scripts/workflow reject NAME VERSION [--reason TEXT] [--store DIR]   reject a draft
 * </pre>
 *
 * <p>Exit status: 0 on success, 1 when a run fails, 2 for invalid input (a workflow with errors, bad
 * arguments). {@code run} keeps its jobs in an embedded store ({@code --store}, default {@code orion-data}), so
 * running it again with the same {@code --run-id} resumes the stored run and recomputes nothing already done; it prints
 * the outputs as JSON and, with {@code --out}, writes {@code run.json} (what {@code show} prints) there. With
 * {@code --template NAME} it runs the latest approved version of a stored template instead of a file. A run of a file
 * whose text is a template stored in that store counts towards the template's runs and success rate.
 */
public final class WorkflowCli {

    private static final String USAGE = "usage: workflow validate FILE... | plan FILE | run FILE|--template NAME [--set NAME=VALUE]..."
            + " [--out DIR] [--store DIR] [--potentials DIR] [--run-id ID] | runs [--workflow NAME] [--state STATE] [--limit N] | show RUN"
            + " | templates | template NAME | install | save FILE | library [--search TEXT] [--tag TAG]... | history NAME"
            + " | diff NAME FROM TO | drafts | approve NAME VERSION | reject NAME VERSION [--reason TEXT]"
            + "   (runs, show and the last eight take [--store DIR])";

    private WorkflowCli() {
    }

    /**
     * @param args the command line
     * @throws Exception never expected: failures are reported and end in a non-zero exit status
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * @param args     the command line
     * @param out      where results go
     * @param err      where problems and progress go
     * @param terminal whether {@code err} is a terminal (progress bar) or not (progress lines)
     * @return the exit status
     * @throws Exception if writing fails
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) throws Exception {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        WorkflowLoader loader = WorkflowLoader.standard();
        switch (args[0]) {
            case "validate" -> {
                if (args.length < 2) {
                    err.println(USAGE);
                    return 2;
                }
                boolean ok = true;
                for (int i = 1; i < args.length; i++) {
                    ImportResult r = loader.load(Path.of(args[i]));
                    r.problems().forEach(err::println);
                    out.println(args[i] + ": " + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    ok &= r.status() != ImportResult.Status.FAILED;
                }
                return ok ? 0 : 2;
            }
            case "plan" -> {
                if (args.length != 2) {
                    err.println(USAGE);
                    return 2;
                }
                ImportResult r = loader.load(Path.of(args[1]));
                r.problems().forEach(err::println);
                if (r.workflow().isEmpty()) {
                    return 2;
                }
                out.print(WorkflowPlan.of(r.workflow().get()).render());
                return 0;
            }
            case "templates" -> {
                WorkflowTemplates.all().forEach(t -> out.println(t.name() + "\t" + String.join(",", t.tags()) + "\t" + t.description()));
                return 0;
            }
            case "template" -> {
                if (args.length != 2 || WorkflowTemplates.named(args[1]).isEmpty()) {
                    err.println("no such template; see: workflow templates");
                    return 2;
                }
                out.print(WorkflowTemplates.text(args[1]));
                return 0;
            }
            case "runs", "show" -> {
                return RunCommands.run(args, out, err, USAGE);
            }
            case "install", "save", "library", "history", "diff", "drafts", "approve", "reject" -> {
                return TemplateCommands.run(args, out, err, USAGE);
            }
            case "run" -> {
                return runCommand(args, loader, out, err, terminal);
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }

    private static int runCommand(String[] args, WorkflowLoader loader, PrintStream out, PrintStream err, boolean terminal)
            throws Exception {
        Map<String, String> inputs = new LinkedHashMap<>();
        Path store = Path.of("orion-data");
        Path outDir = null;
        Path potentials = null;
        String runId = UUID.randomUUID().toString();
        String template = null;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            if (a.equals("--set") && hasValue && args[i + 1].contains("=")) {
                String kv = args[++i];
                inputs.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            } else if (a.equals("--out") && hasValue) {
                outDir = Path.of(args[++i]);
            } else if (a.equals("--store") && hasValue) {
                store = Path.of(args[++i]);
            } else if (a.equals("--potentials") && hasValue) {
                potentials = Path.of(args[++i]);
            } else if (a.equals("--run-id") && hasValue) {
                runId = args[++i];
            } else if (a.equals("--template") && hasValue) {
                template = args[++i];
            } else if (!a.startsWith("--")) {
                files.add(a);
            } else {
                err.println("bad argument '" + a + "'\n" + USAGE);
                return 2;
            }
        }
        if (files.size() != (template == null ? 1 : 0)) {
            err.println(USAGE);
            return 2;
        }
        EamEngine.Builder eam = EamEngine.builder();
        LammpsEngine.Builder lammps = LammpsEngine.builder();
        if (potentials != null) {
            eam.potentialDir(potentials);
            lammps.potentialDir(potentials);
        }
        try (LocalExecutor local = LocalExecutor.builder().build();
             Orion orion = Orion.builder().store(Stores.embedded(store)).engine(eam.build()).engine(lammps.build())
                     .engine(EspressoEngine.builder().build()).engine(CalculixEngine.builder().build()).executor(local).workRoot(store.resolve("work")).build()) {
            OrionTenant tenant = orion.tenant(TemplateCommands.TENANT);
            ImportResult r;
            try {
                r = template == null ? loader.load(Path.of(files.get(0))) : loader.loadTemplate(tenant.workflowTemplates(), template);
            } catch (NotFoundException e) {
                err.println("no approved version of template '" + template + "' in the store; see: workflow library, workflow drafts");
                return 2;
            }
            r.problems().forEach(err::println);
            if (r.workflow().isEmpty()) {
                return 2;
            }
            Workflow workflow = r.workflow().get();
            WorkflowRunner runner = WorkflowRunner.builder(tenant).listener(new WorkflowProgress(err, terminal)).build();
            WorkflowRun run;
            try {
                run = runner.run(workflow, inputs, runId);
            } catch (InvalidWorkflowException e) {
                e.problems().forEach(err::println);
                return 2;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            WorkflowRunRecord stored = tenant.workflowRuns().find(run.runId()).orElseThrow();
            Map<String, Object> report = RunCommands.report(stored, tenant.workflowRuns().steps(run.runId()));
            out.println(RunCommands.write(report.get("outputs")));
            if (outDir != null) {
                Files.createDirectories(outDir);
                Files.writeString(outDir.resolve("run.json"), RunCommands.write(report));
            }
            run.steps().values().stream().filter(s -> s.status() == StepResult.Status.FAILED)
                    .forEach(s -> err.println(workflow.fileName() + ": step '" + s.stepId() + "' failed: " + s.error().orElse("")));
            return run.status() == WorkflowRun.Status.SUCCEEDED ? 0 : 1;
        }
    }
}
