package dev.orion.samples.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.store.NewWorkflowTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/workflow}: exit statuses 0, 1 and 2, problems as file:line:column, the plan, a real run of the sample. */
class WorkflowCliTest {

    static final Path SAMPLE = Path.of("workflows/copper-eos.yaml");
    static final Path POTENTIALS = Path.of(System.getProperty("orion.testdata", "../testdata")).resolve("potentials");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) throws Exception {
        return WorkflowCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void validateReportsEveryProblemWithItsPositionAndExitsTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                version: 2
                name: bad
                steps:
                  - id: crystal
                    type: structure.prototyp
                  - id: fit
                    type: fit.eos
                    with: {volumes: "${steps.crystal.outputs.volumes}"}
                """);
        assertThat(cli("validate", SAMPLE.toString(), bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                bad + ":5:11: step 'crystal': unknown step type 'structure.prototyp' (did you mean 'structure.prototype'?)",
                bad + ":8:11: step 'fit': missing required input 'energies' (list<number>) of fit.eos");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(SAMPLE + ": completed", bad + ": failed");
        assertThat(cli("validate", SAMPLE.toString())).isZero();
        assertThat(cli("frobnicate")).isEqualTo(2);
    }

    @Test
    void planPrintsStagesAndEstimatedJobs() throws Exception {
        assertThat(cli("plan", SAMPLE.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plan of copper-eos: 6 stages, 10 jobs", "stage 1: crystal, lower",
                "stage 2: volumes\n", "stage 3: energies x9 (9 jobs)", "stage 6: relaxed (1 job)");
    }

    @Test
    void runComputesTheSampleWritesTheReportAndResumesWithoutNewJobs() throws Exception {
        Path outDir = dir.resolve("out");
        String[] args = {"run", SAMPLE.toString(), "--set", "strain=0.04", "--potentials", POTENTIALS.toString(), "--store",
            dir.resolve("store").toString(), "--out", outDir.toString(), "--run-id", "cli-1"};
        assertThat(cli(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(outDir.resolve("run.json").toFile());
        assertThat(report.get("status").asText()).isEqualTo("succeeded");
        assertThat(report.at("/outputs/a0").asDouble()).isCloseTo(3.615, within(0.02));
        assertThat(report.at("/outputs/b0_gpa").asDouble()).isBetween(100.0, 200.0);
        assertThat(report.at("/steps/energies/jobs")).hasSize(9);
        assertThat(report.at("/steps/relaxed/status").asText()).isEqualTo("succeeded");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("step 4/7 energies succeeded", "run cli-1 succeeded");
        assertThat(cli(args)).isZero();
        JsonNode again = new ObjectMapper().readTree(outDir.resolve("run.json").toFile());
        assertThat(again.at("/steps/energies/jobs")).isEqualTo(report.at("/steps/energies/jobs"));
        assertThat(again.get("outputs")).isEqualTo(report.get("outputs"));

        assertThat(cli("run", SAMPLE.toString(), "--set", "a=wide", "--store", dir.resolve("store").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(SAMPLE + ":10:3: input 'a': expected number, got 'wide'");
        assertThat(cli("run", SAMPLE.toString(), "--set", "a=-2", "--store", dir.resolve("store").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("step 'crystal' failed: IllegalArgumentException: a must be a positive number, got -2.0");
    }

    @Test
    void templatesInstalledInTheStoreKeepVersionsDiffsAndCountTheirRuns() throws Exception {
        String store = dir.resolve("store").toString();
        assertThat(cli("install", "--store", store)).isZero();
        String installed = out.toString(StandardCharsets.UTF_8);
        assertThat(installed).contains("equation-of-state@1\t", "md-heating@1\t");
        out.reset();
        assertThat(cli("install", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(installed);

        // a run of the template's text counts towards it: here a failing one (exit 1)
        Path eos = dir.resolve("eos.yaml");
        assertThat(cli("template", "equation-of-state")).isZero();
        Files.writeString(eos, out.toString(StandardCharsets.UTF_8).substring(installed.length()));
        assertThat(cli("run", eos.toString(), "--set", "a=-2", "--store", store, "--run-id", "bad-1")).isEqualTo(1);
        out.reset();
        assertThat(cli("library", "--store", store, "--search", "bulk modulus", "--tag", "eos")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("equation-of-state@1\t1 runs\t0% ok\t").hasLineCount(1);

        Files.writeString(eos, Files.readString(eos).replace("default: 11", "default: 13"));
        out.reset();
        assertThat(cli("save", eos.toString(), "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("equation-of-state@2\t");
        out.reset();
        assertThat(cli("history", "equation-of-state", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).hasLineCount(2).contains("equation-of-state@2\t");
        out.reset();
        assertThat(cli("diff", "equation-of-state", "1", "2", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^- .*default: 11").containsPattern("(?m)^\\+ .*default: 13");
        assertThat(cli("diff", "equation-of-state", "1", "9", "--store", store)).isEqualTo(2);
        assertThat(cli("history", "nothing", "--store", store)).isEqualTo(2);
    }

    @Test
    void theCampaignSampleFindsCoppersLatticeParameter() throws Exception {
        Path outDir = dir.resolve("search");
        assertThat(cli("run", "workflows/copper-lattice-search.yaml", "--potentials", POTENTIALS.toString(), "--store",
                dir.resolve("store").toString(), "--out", outDir.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(outDir.resolve("run.json").toFile());
        // the same potential's equation-of-state fit (the copper-eos sample) gives a0 = 3.615 Å
        assertThat(report.at("/outputs/best/a").asDouble()).isCloseTo(3.615, within(0.02));
        assertThat(report.at("/outputs/energy_per_atom").asDouble()).isBetween(-3.7, -3.3);
        assertThat(report.at("/outputs/campaign").asText()).isNotBlank();
    }

    @Test
    void theMultiscaleSampleGivesACopperBarsBendingFrequencyFromEamElasticConstants() throws Exception {
        boolean ccx = Files.isExecutable(Path.of("/usr/bin/ccx"));
        if (!ccx && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            throw new AssertionError("ccx is missing but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(ccx, "ccx is missing: test skipped");
        Path outDir = dir.resolve("bar");
        assertThat(cli("run", "workflows/copper-bar-modes.yaml", "--potentials", POTENTIALS.toString(), "--store",
                dir.resolve("store").toString(), "--out", outDir.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(outDir.resolve("run.json").toFile());
        // copper along [100] is soft: E100 well below the polycrystal's 120-130 GPa
        assertThat(report.at("/outputs/e100_gpa").asDouble()).isBetween(50.0, 90.0);
        assertThat(report.at("/outputs/frequencies_hz")).hasSize(3);
        // fully integrated hexahedra bend with parasitic shear, which costs the more as copper along [100] is stiff in
        // shear (C44 above E100): the first frequency some 20% above Euler-Bernoulli's (a slip of units would be orders off)
        assertThat(report.at("/outputs/fe_over_euler_bernoulli").asDouble()).isBetween(1.0, 1.25);
        assertThat(report.at("/steps/elastic/jobs")).hasSize(4);
    }

    @Test
    void runsAreListedAndShownFromTheStoreAndADraftRunsFromTheStoreOnlyOnceApproved() throws Exception {
        String store = dir.resolve("store").toString();
        assertThat(cli("run", SAMPLE.toString(), "--potentials", POTENTIALS.toString(), "--store", store, "--run-id", "eos-1")).isZero();
        assertThat(cli("run", SAMPLE.toString(), "--set", "a=-2", "--store", store, "--run-id", "eos-2")).isEqualTo(1);
        out.reset();
        assertThat(cli("runs", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).hasLineCount(2).startsWith("eos-2\tcopper-eos\tfailed\t").contains("eos-1\tcopper-eos\tsucceeded\t");
        out.reset();
        assertThat(cli("runs", "--state", "succeeded", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).hasLineCount(1).startsWith("eos-1\t");
        out.reset();
        assertThat(cli("show", "eos-1", "--store", store)).isZero();
        JsonNode shown = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(shown.get("status").asText()).isEqualTo("succeeded");
        assertThat(shown.get("starts").asInt()).isEqualTo(1);
        assertThat(shown.at("/outputs/a0").asDouble()).isCloseTo(3.615, within(0.02));
        assertThat(shown.at("/steps/energies/items")).hasSize(9);
        assertThat(shown.at("/steps/energies/items/0/outputs/energy").isNumber()).isTrue();
        assertThat(shown.at("/steps/crystal/outputs/structure/formula").asText()).isEqualTo("Cu");
        // the summary only: the structure document and the mark a resumed run restores from are not shown
        assertThat(shown.at("/steps/crystal/outputs/structure").has("$structure")).isFalse();
        assertThat(shown.at("/steps/crystal/outputs").has("$restorable")).isFalse();
        assertThat(cli("show", "nothing", "--store", store)).isEqualTo(2);
        assertThat(cli("runs", "--state", "sleepy", "--store", store)).isEqualTo(2);

        // a model's draft (saved as the drafter does) waits for approval and does not run from the store before
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("store"))).build()) {
            orion.tenant(TemplateCommands.TENANT).workflowTemplates().saveDraft(new NewWorkflowTemplate("copper-eos",
                    Files.readString(SAMPLE), "drafted", Set.of()));
        }
        out.reset();
        assertThat(cli("drafts", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("copper-eos@1\t").hasLineCount(1);
        assertThat(cli("run", "--template", "copper-eos", "--store", store)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no approved version of template 'copper-eos'");
        out.reset();
        assertThat(cli("approve", "copper-eos", "1", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("copper-eos@1\tapproved\n");
        assertThat(cli("approve", "copper-eos", "1", "--store", store)).isEqualTo(2);
        assertThat(cli("reject", "copper-eos", "7", "--reason", "no", "--store", store)).isEqualTo(2);
        out.reset();
        assertThat(cli("history", "copper-eos", "--store", store)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\tapproved by user:");
        assertThat(cli("run", "--template", "copper-eos", "--potentials", POTENTIALS.toString(), "--store", store, "--run-id", "eos-3"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();
        assertThat(cli("show", "eos-3", "--store", store)).isZero();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("template").asText()).isEqualTo("copper-eos@1");
    }
}
