package dev.orion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: the main sample reads and checks structures, relaxes with the built-in EAM engine,
 * runs a campaign stored in the embedded database, prints the best candidate and writes the report with its
 * plots; a second run finds it all in the store.
 */
class QuickStartTest {

    static final String POTENTIALS = Path.of(System.getProperty("orion.testdata", "../testdata"), "potentials").toString();

    private static String run(Path out) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {out.toString(), POTENTIALS});
        } finally {
            System.setOut(original);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    @Test
    void showsEveryStepAndWritesTheReportAndASecondRunFindsTheCampaignStored(@TempDir Path out) throws Exception {
        String first = run(out);

        assertThat(first).contains("1. Read structures", "2. Relax", "3. Bayesian optimisation", "4. Report");
        assertThat(first).containsPattern("Cu\\.cif +Cu +4 sites .* space group Fm-3m +\\(225\\)")
                .containsPattern("Si\\.poscar +Si +2 sites .* space group Fd-3m +\\(227\\)");
        // the potential's fitted lattice parameters and cohesive energies, found from a = 3.55 Å
        assertThat(first).containsPattern("Cu +a = 3\\.61[45]\\d Å +-3\\.54\\d\\d eV/atom .* still Fm-3m \\(225\\)")
                .containsPattern("Ni +a = 3\\.5[12]\\d\\d Å +-4\\.45\\d\\d eV/atom .* still Fm-3m \\(225\\)");
        Matcher trace = Pattern.compile("rattled CuNi cell, 15 FIRE steps: energy (-?[\\d.]+) -> (-?[\\d.]+) eV, "
                + "max force ([\\d.]+) -> ([\\d.]+) eV/Å").matcher(first);
        assertThat(trace.find()).as("the relaxation trace line").isTrue();
        assertThat(Double.parseDouble(trace.group(2))).as("FIRE lowers the energy").isLessThan(Double.parseDouble(trace.group(1)));
        assertThat(Double.parseDouble(trace.group(4))).as("and the forces").isLessThan(Double.parseDouble(trace.group(3)));
        assertThat(first).contains("campaign: 16/16 stopped (EVALUATIONS) after 16 evaluations")
                .containsPattern("best of 16 evaluations \\(EVALUATIONS\\): a = 3\\.\\d{3} Å, \\d+ Ni of 32 atoms, mixing energy");
        Path report = out.resolve("report");
        assertThat(report.resolve("report.html")).content().contains("quick start: Cu-Ni mixing energy",
                "<h2>Surrogate parity</h2>", "data:image/png;base64,");
        for (String plot : List.of("best", "parity", "relaxation", "rdf")) {
            assertThat(report.resolve(plot + ".png")).isNotEmptyFile();
            assertThat(report.resolve(plot + ".svg")).content().contains("<svg");
        }

        String second = run(out);
        String best = first.lines().filter(l -> l.contains("best of 16")).findFirst().orElseThrow();
        assertThat(second).as("the stored campaign is found, not run again").contains(best);
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("test"));
            assertThat(demo.structures().count(StructureFilter.all())).isEqualTo(3);
            List<CampaignRecord> campaigns = demo.campaigns().query(CampaignFilter.all(), PageRequest.first(10)).items();
            assertThat(campaigns).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo(QuickStart.CAMPAIGN);
                assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
            });
            assertThat(demo.campaigns().observations(campaigns.get(0).id(), PageRequest.first(100)).items()).hasSize(16);
        }
    }
}
