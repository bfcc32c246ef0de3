package dev.orion.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Enforces the dependency directions of ARCHITECTURE.md on the compiled classes of every module.
 *
 * <p>Modules are told apart by where a class was loaded from (its module folder or jar), because
 * several modules share package roots (for example {@code dev.orion.store} SPIs in orion-api and
 * their JDBC implementations in orion-core).
 */
@AnalyzeClasses(packages = "dev.orion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module,
                c -> c.getSource().map(s -> s.getUri().toString().contains("/" + module + "/")).orElse(false));
    }

    private static final DescribedPredicate<JavaClass> API = inModule("orion-api");
    private static final DescribedPredicate<JavaClass> CORE = inModule("orion-core");
    private static final DescribedPredicate<JavaClass> ENGINES = inModule("orion-engines");
    private static final DescribedPredicate<JavaClass> LLM = inModule("orion-llm");
    private static final DescribedPredicate<JavaClass> STARTER = inModule("orion-spring-starter");

    private static final DescribedPredicate<JavaClass> JDK_OR_API = DescribedPredicate.describe(
            "the JDK or orion-api",
            c -> c.getPackageName().startsWith("java.") || c.isPrimitive() || c.isArray() || API.test(c));

    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdk = classes().that(API).should().onlyDependOnClassesThat(JDK_OR_API).allowEmptyShould(true);

    @ArchTest
    static final ArchRule coreKnowsNoEnginesLlmOrSpring = noClasses().that(CORE).should()
            .dependOnClassesThat(ENGINES.or(LLM).or(STARTER)
                    .or(JavaClass.Predicates.resideInAnyPackage("org.springframework..")))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule enginesKnowNoLlmOrSpring = noClasses().that(ENGINES).should()
            .dependOnClassesThat(LLM.or(STARTER)
                    .or(JavaClass.Predicates.resideInAnyPackage("org.springframework..")))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule llmKnowsOnlyTheApi = noClasses().that(LLM).should()
            .dependOnClassesThat(CORE.or(ENGINES).or(STARTER)
                    .or(JavaClass.Predicates.resideInAnyPackage("org.springframework..")))
            .allowEmptyShould(true);

    /** Only orion-llm's provider package speaks HTTP (to LLM providers). */
    @ArchTest
    static final ArchRule onlyLlmProvidersSpeakHttp = noClasses()
            .that(DescribedPredicate.not(LLM.and(JavaClass.Predicates.resideInAPackage("dev.orion.llm.provider.."))))
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                    "okhttp3..", "java.net.http..", "org.springframework.web.client..",
                    "org.springframework.web.reactive.function.client.."))
            .orShould().dependOnClassesThat(JavaClass.Predicates.assignableTo(java.net.HttpURLConnection.class))
            .allowEmptyShould(true);

    /** The top-level capabilities (structure, engine, llm, store, ...) never depend on each other in a cycle. */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("dev.orion.(*)..")
            .should().beFreeOfCycles().allowEmptyShould(true);
}
