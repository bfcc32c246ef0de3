package dev.orion.samples.workflow;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.workflow.ImportResult;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.NotFoundException;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.WorkflowTemplateUsage;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template-store commands of {@code scripts/workflow}, on the embedded store of {@code --store DIR} (default
 * {@code orion-data}, tenant {@code cli}, the one {@code run} uses):
 *
 * <pre>
 * install                              load the shipped templates (unchanged ones are not written again)
 * save FILE                            store a valid workflow file as a template (a new version if its text changed)
 * library [--search TEXT] [--tag TAG]...  the stored templates: name, version, runs, success rate, tags
 * history NAME                         every version of one template
 * diff NAME FROM TO                    the line diff between two versions
 * drafts                               model-written drafts awaiting approval
 * approve NAME VERSION                 approve a draft (it may run from the store: run --template NAME)
 * reject NAME VERSION [--reason TEXT]  reject a draft
 * </pre>
 */
final class TemplateCommands {

    static final TenantId TENANT = TenantId.of("cli");

    private TemplateCommands() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, String usage) {
        Path store = Path.of("orion-data");
        String search = "";
        String reason = "";
        Set<String> tags = new TreeSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--store" -> {
                    if (!hasValue) {
                        return bad(err, usage);
                    }
                    store = Path.of(args[++i]);
                }
                case "--search" -> {
                    if (!hasValue) {
                        return bad(err, usage);
                    }
                    search = args[++i];
                }
                case "--tag" -> {
                    if (!hasValue) {
                        return bad(err, usage);
                    }
                    tags.add(args[++i]);
                }
                case "--reason" -> {
                    if (!hasValue) {
                        return bad(err, usage);
                    }
                    reason = args[++i];
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return bad(err, usage);
                    }
                    positional.add(args[i]);
                }
            }
        }
        try (Orion orion = Orion.builder().store(Stores.embedded(store)).build()) {
            // the person at the terminal is who saves, approves or rejects
            WorkflowTemplateStore templates = orion.tenant(TENANT, Principal.user(System.getProperty("user.name", "cli"))).workflowTemplates();
            return switch (args[0]) {
                case "install" -> positional.isEmpty() ? install(templates, out) : bad(err, usage);
                case "save" -> positional.size() == 1 ? save(templates, Path.of(positional.get(0)), out, err) : bad(err, usage);
                case "library" -> positional.isEmpty() ? library(templates, search, tags, out) : bad(err, usage);
                case "history" -> positional.size() == 1 ? history(templates, positional.get(0), out, err) : bad(err, usage);
                case "drafts" -> positional.isEmpty() ? drafts(templates, out) : bad(err, usage);
                case "approve", "reject" -> positional.size() == 2 ? review(templates, args[0], positional, reason, out, err) : bad(err, usage);
                default -> positional.size() == 3 ? diff(templates, positional, out, err) : bad(err, usage);
            };
        }
    }

    private static int install(WorkflowTemplateStore templates, PrintStream out) {
        WorkflowTemplates.install(templates).forEach(r -> out.println(r.id() + "\t" + r.contentHash().substring(0, 12)));
        return 0;
    }

    private static int save(WorkflowTemplateStore templates, Path file, PrintStream out, PrintStream err) {
        ImportResult r = WorkflowLoader.standard().load(file);
        r.problems().forEach(err::println);
        if (r.workflow().isEmpty()) {
            return 2;
        }
        Workflow w = r.workflow().get();
        WorkflowTemplateRecord saved = templates.save(new NewWorkflowTemplate(w.name(), w.text(), w.description(), Set.copyOf(w.tags())));
        out.println(saved.id() + "\t" + saved.contentHash().substring(0, 12));
        return 0;
    }

    private static int library(WorkflowTemplateStore templates, String search, Set<String> tags, PrintStream out) {
        for (WorkflowTemplateRecord r : templates.search(search, tags)) {
            WorkflowTemplateUsage u = templates.usage(r.name());
            out.println(r.id() + "\t" + u.runs() + " runs\t" + String.format(Locale.ROOT, "%.0f%%", 100 * u.successRate()) + " ok\t"
                    + String.join(",", r.tags()));
        }
        return 0;
    }

    private static int history(WorkflowTemplateStore templates, String name, PrintStream out, PrintStream err) {
        List<WorkflowTemplateRecord> versions = templates.history(name);
        if (versions.isEmpty()) {
            err.println("no template '" + name + "' in the store; see: workflow library");
            return 2;
        }
        versions.forEach(r -> out.println(r.id() + "\t" + r.createdAt() + "\t" + r.createdBy() + "\t" + r.contentHash().substring(0, 12)
                + "\t" + r.state().name().toLowerCase(Locale.ROOT) + r.reviewedBy().map(p -> " by " + p + " at " + r.reviewedAt().orElseThrow())
                .orElse("")));
        return 0;
    }

    private static int drafts(WorkflowTemplateStore templates, PrintStream out) {
        templates.awaitingApproval().forEach(r -> out.println(r.id() + "\t" + r.createdAt() + "\t" + r.createdBy() + "\t" + r.description()));
        return 0;
    }

    private static int review(WorkflowTemplateStore templates, String command, List<String> args, String reason, PrintStream out,
                              PrintStream err) {
        try {
            int version = Integer.parseInt(args.get(1));
            WorkflowTemplateRecord r = command.equals("approve") ? templates.approve(args.get(0), version)
                    : templates.reject(args.get(0), version, reason);
            out.println(r.id() + "\t" + r.state().name().toLowerCase(Locale.ROOT));
            return 0;
        } catch (NumberFormatException e) {
            err.println("the version must be a whole number, got " + args.get(1));
            return 2;
        } catch (NotFoundException | ConflictException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int diff(WorkflowTemplateStore templates, List<String> args, PrintStream out, PrintStream err) {
        try {
            out.println(templates.diff(args.get(0), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2))).text());
            return 0;
        } catch (NumberFormatException e) {
            err.println("versions must be whole numbers, got " + args.get(1) + " and " + args.get(2));
            return 2;
        } catch (NotFoundException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int bad(PrintStream err, String usage) {
        err.println(usage);
        return 2;
    }
}
