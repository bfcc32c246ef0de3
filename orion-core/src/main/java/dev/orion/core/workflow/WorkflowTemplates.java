package dev.orion.core.workflow;

import dev.orion.core.TenantSetup;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow templates shipped with ORION: equation of state and bulk modulus, elastic constants, vacancy
 * formation energy, surface energy, Quantum ESPRESSO cutoff and k-point convergence, an MD heating run, and a
 * two-scale chain (a copper plate with a hole: atomistic elastic constants into a CalculiX plate).
 * Each is an ordinary workflow file (read them with {@link #text}); run one as it is, or copy and change it.
 * {@link #install} loads them into a tenant's {@link WorkflowTemplateStore}, where runs of them are counted;
 * {@link #installer()} does it at start, for every tenant an {@code Orion} serves.
 */
public final class WorkflowTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowTemplates.class);
    private static final String FOLDER = "/dev/orion/core/workflow/templates/";

    /**
     * A shipped template.
     *
     * @param name        the workflow's name, e.g. {@code "equation-of-state"}
     * @param fileName    its file name in the library
     * @param description what it computes
     * @param tags        its tags
     * @param text        the workflow file's text
     * @param contentHash the SHA-256 of the text: a changed template has a new hash
     */
    public record Template(String name, String fileName, String description, List<String> tags, String text, String contentHash) {

        /** Copies. */
        public Template {
            tags = List.copyOf(tags);
        }
    }

    private WorkflowTemplates() {
    }

    /** @return every shipped template, validated, in library order */
    public static List<Template> all() {
        List<Template> out = new ArrayList<>();
        WorkflowLoader loader = WorkflowLoader.standard();
        for (String file : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String text = read(file);
            Workflow w = loader.parse(text, file).orThrow();
            out.add(new Template(w.name(), file, w.description(), w.tags(), text, w.contentHash()));
        }
        return List.copyOf(out);
    }

    /**
     * Loads the shipped library into a tenant's template store; call it at every start. An unchanged template keeps
     * its stored version (nothing is written), a changed one becomes a new version, a new one version 1.
     *
     * @param store the tenant's (or a shared system tenant's) template store
     * @return the stored version of every shipped template, in library order
     */
    public static List<WorkflowTemplateRecord> install(WorkflowTemplateStore store) {
        return all().stream().map(t -> store.save(new NewWorkflowTemplate(t.name(), t.text(), t.description(),
                Set.copyOf(t.tags())))).toList();
    }

    /**
     * Loads the shipped library into each tenant's template store when an {@code Orion} first hands out a view of the
     * tenant (after every start): {@code Orion.builder().tenantSetup(WorkflowTemplates.installer())}. The Spring starter
     * adds it unless {@code orion.workflows.install-library=false}. As {@link #install}, an unchanged template is not
     * written again and a changed one becomes a new version.
     *
     * @return the setup
     */
    public static TenantSetup installer() {
        return tenant -> {
            List<WorkflowTemplateRecord> stored = install(tenant.workflowTemplates());
            LOG.debug("workflow library of tenant {}: {}", tenant.tenant().value(), stored.stream().map(WorkflowTemplateRecord::id).toList());
        };
    }

    /** @param name a template's name  @return it, if shipped */
    public static Optional<Template> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** @param name a template's name  @return its text  @throws IllegalArgumentException if there is no such template */
    public static String text(String name) {
        return named(name).map(Template::text).orElseThrow(() -> new IllegalArgumentException("no workflow template '" + name
                + "'; have " + all().stream().map(Template::name).toList()));
    }

    private static String read(String file) {
        try (InputStream in = WorkflowTemplates.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("workflow template " + file + " missing from the ORION jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
