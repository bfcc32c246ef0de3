package dev.orion.samples;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.regex.Pattern;

/**
 * The modules of the reactor whose classes the architecture and public-API tests look at. A class
 * belongs to a module by where it was loaded from: the module's {@code target/classes} folder (a
 * reactor build) or its jar ({@code orion-core-0.1.0-SNAPSHOT.jar}), never by package name, because
 * a package name alone cannot say which jar a class ships in.
 */
enum OrionModule {
    API("orion-api", "dev.orion.structure.Structure"),
    CORE("orion-core", "dev.orion.core.Orion"),
    ENGINES("orion-engines", "dev.orion.engines.lammps.LammpsEngine"),
    LLM("orion-llm", "dev.orion.llm.router.LlmRouter"),
    STARTER("orion-spring-starter", "dev.orion.spring.autoconfigure.OrionAutoConfiguration"),
    JUPYTER("orion-jupyter", "dev.orion.jupyter.OrionJupyterExtension"),
    /** Small on purpose: one instrument adapter with its builder. */
    OPCUA("orion-opcua", "dev.orion.opcua.OpcUaInstrument", 2),
    SAMPLES("samples", "dev.orion.samples.QuickStart");

    private final String artifactId;
    private final int minimumClasses;
    private final String anchor;
    private final Pattern location;
    private final DescribedPredicate<JavaClass> predicate;

    OrionModule(String artifactId, String anchor) {
        this(artifactId, anchor, 6);
    }

    OrionModule(String artifactId, String anchor, int minimumClasses) {
        this.minimumClasses = minimumClasses;
        this.artifactId = artifactId;
        this.anchor = anchor;
        this.location = Pattern.compile("/" + Pattern.quote(artifactId) + "/target/classes/"
                + "|/" + Pattern.quote(artifactId) + "-[0-9][^/]*\\.jar!/");
        this.predicate = DescribedPredicate.describe("in module " + artifactId,
                c -> c.getSource().map(s -> location.matcher(s.getUri().toString()).find()).orElse(false));
    }

    /** @return how many classes the module has at least (fewer means its classes were not found where expected) */
    int minimumClasses() {
        return minimumClasses;
    }

    /** @return the Maven artifactId, also the module's folder in the reactor */
    String artifactId() {
        return artifactId;
    }

    /** @return a class that must be found in this module, or null for a module with no classes yet */
    String anchor() {
        return anchor;
    }

    /** @return whether a class was loaded from this module */
    DescribedPredicate<JavaClass> classes() {
        return predicate;
    }

    /** @return whether the module is published (has a committed public-API list) */
    boolean published() {
        return this != SAMPLES;
    }
}
