package dev.orion.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Enforces the dependency directions of ARCHITECTURE.md on the compiled classes of every module.
 *
 * <p>Modules are told apart by where a class was loaded from ({@link OrionModule}). No rule may pass
 * because it saw nothing: the rules fail on an empty selection (ArchUnit's default), and
 * {@link #everyModuleIsFoundWhereItIsExpected} checks that each module's classes were found and
 * attributed to it, so a build layout that the location match misses fails loudly.
 */
@AnalyzeClasses(packages = "dev.orion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> API = OrionModule.API.classes();
    private static final DescribedPredicate<JavaClass> CORE = OrionModule.CORE.classes();
    private static final DescribedPredicate<JavaClass> ENGINES = OrionModule.ENGINES.classes();
    private static final DescribedPredicate<JavaClass> LLM = OrionModule.LLM.classes();
    private static final DescribedPredicate<JavaClass> STARTER = OrionModule.STARTER.classes();
    private static final DescribedPredicate<JavaClass> JUPYTER = OrionModule.JUPYTER.classes();
    private static final DescribedPredicate<JavaClass> OPCUA = OrionModule.OPCUA.classes();
    private static final DescribedPredicate<JavaClass> SPRING =
            JavaClass.Predicates.resideInAnyPackage("org.springframework..");

    private static final DescribedPredicate<JavaClass> JDK_OR_API = DescribedPredicate.describe(
            "the JDK or orion-api",
            c -> c.getPackageName().startsWith("java.") || c.isPrimitive() || c.isArray() || API.test(c));

    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdk = classes().that(API).should().onlyDependOnClassesThat(JDK_OR_API);

    @ArchTest
    static final ArchRule coreKnowsNoEnginesLlmOrSpring = noClasses().that(CORE).should()
            .dependOnClassesThat(ENGINES.or(LLM).or(STARTER).or(SPRING));

    @ArchTest
    static final ArchRule enginesKnowNoLlmOrSpring = noClasses().that(ENGINES).should()
            .dependOnClassesThat(LLM.or(STARTER).or(SPRING));

    @ArchTest
    static final ArchRule llmKnowsOnlyTheApi = noClasses().that(LLM).should()
            .dependOnClassesThat(CORE.or(ENGINES).or(STARTER).or(SPRING));

    /** orion-jupyter renders what orion-api and orion-core define; it knows no engine, LLM provider or Spring. */
    @ArchTest
    static final ArchRule jupyterKnowsOnlyCoreAndApi = noClasses().that(JUPYTER).should()
            .dependOnClassesThat(ENGINES.or(LLM).or(STARTER).or(SPRING));

    /**
     * The notebook kernel's library (JJava's {@code org.dflib.jjava}) is known only to orion-jupyter, an
     * optional artifact: no other module may need a kernel, and none depends on orion-jupyter.
     */
    @ArchTest
    static final ArchRule onlyOrionJupyterKnowsTheKernel = noClasses().that(DescribedPredicate.not(JUPYTER)).should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.dflib.jjava.."))
            .orShould().dependOnClassesThat(JUPYTER);
    /** The optional OPC UA module implements the api's Instrument SPI and knows nothing else of ORION. */
    @ArchTest
    static final ArchRule opcuaKnowsOnlyTheApi = noClasses().that(OPCUA).should()
            .dependOnClassesThat(CORE.or(ENGINES).or(LLM).or(STARTER).or(SPRING));

    /** No other module depends on the optional OPC UA module. */
    @ArchTest
    static final ArchRule nothingNeedsOpcua = noClasses().that(DescribedPredicate.not(OPCUA)).should().dependOnClassesThat(OPCUA);

    /**
     * Only two packages speak HTTP: orion-llm's provider package (to LLM providers) and orion-core's
     * Materials Project client {@code dev.orion.data.mp} (exactly that package, not its parents or
     * siblings). ARCHITECTURE.md puts HTTP clients other than LLM providers in their own package; the
     * exception is named here so that no other core class starts calling out unnoticed, and an LLM
     * provider can still not be called from the core.
     */
    @ArchTest
    static final ArchRule onlyLlmProvidersAndTheMaterialsProjectClientSpeakHttp = noClasses()
            .that(DescribedPredicate.not(LLM.and(JavaClass.Predicates.resideInAPackage("dev.orion.llm.provider.."))
                    .or(CORE.and(JavaClass.Predicates.resideInAPackage("dev.orion.data.mp")))))
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                    "okhttp3..", "java.net.http..", "org.springframework.web.client..",
                    "org.springframework.web.reactive.function.client.."))
            .orShould().dependOnClassesThat(JavaClass.Predicates.assignableTo(java.net.HttpURLConnection.class));

    /** The top-level capabilities (structure, engine, llm, store, ...) never depend on each other in a cycle. */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("dev.orion.(*)..").should().beFreeOfCycles();

    /** A package named {@code internal} is an implementation detail of its own module. */
    @ArchTest
    static void internalPackagesStayInTheirModule(JavaClasses all) {
        for (OrionModule module : OrionModule.values()) {
            DescribedPredicate<JavaClass> internalHere = module.classes()
                    .and(JavaClass.Predicates.resideInAPackage("..internal.."));
            if (all.stream().noneMatch(internalHere)) {
                continue;
            }
            noClasses().that(DescribedPredicate.not(module.classes())).should().dependOnClassesThat(internalHere)
                    .check(all);
        }
    }

    /** Each module's classes are found, attributed to it, and every ORION class belongs to exactly one module. */
    @ArchTest
    static void everyModuleIsFoundWhereItIsExpected(JavaClasses all) {
        for (OrionModule module : OrionModule.values()) {
            if (module.anchor() == null) {
                continue;
            }
            assertThat(all.contain(module.anchor())).as("%s imported", module.anchor()).isTrue();
            JavaClass anchor = all.get(module.anchor());
            assertThat(module.classes().test(anchor))
                    .as("%s recognised as a class of %s (loaded from %s)", module.anchor(), module.artifactId(),
                            anchor.getSource().map(s -> s.getUri().toString()).orElse("?"))
                    .isTrue();
            assertThat(all.stream().filter(module.classes()).count())
                    .as("classes found in %s", module.artifactId()).isGreaterThanOrEqualTo(module.minimumClasses());
        }
        List<String> unattributed = all.stream()
                .filter(c -> c.getPackageName().startsWith("dev.orion"))
                .filter(c -> Arrays.stream(OrionModule.values()).filter(m -> m.classes().test(c)).count() != 1)
                .map(JavaClass::getName)
                .toList();
        assertThat(unattributed).as("classes in no module or in several").isEmpty();
    }

    /** No package name exists in two modules: a split package cannot be put on the module path. */
    @ArchTest
    static void noPackageIsSplitAcrossModules(JavaClasses all) {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass c : all) {
            for (OrionModule module : OrionModule.values()) {
                if (module.classes().test(c)) {
                    modulesByPackage.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(module.artifactId());
                }
            }
        }
        assertThat(modulesByPackage.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .as("packages found in more than one module").isEmpty();
    }
}
