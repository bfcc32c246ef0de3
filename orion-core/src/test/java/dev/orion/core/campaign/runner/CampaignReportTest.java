package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Goal;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.store.NotFoundException;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignReportTest {

    @Test
    void writesASelfContainedHtmlReportWithPlots(@TempDir Path dir) throws Exception {
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            List<Candidate> entries = new ArrayList<>();
            Map<String, Double> values = new HashMap<>();
            for (int i = 0; i < 12; i++) {
                entries.add(Candidate.pooled("c<" + i + ">", i));
                if (i != 7) {
                    values.put("c<" + i + ">", Math.abs(i - 5.0));
                }
            }
            CampaignOutcome o = CampaignRunner.builder(acme).name("report & test").space(CandidatePool.of(entries))
                    .goal(Goal.minimize("gap")).strategy(Strategies.random()).evaluator(Evaluators.lookup("gap", "eV", values))
                    .stop(StopCriteria.afterEvaluations(12)).batchSize(4).seed(1).build().run();

            Path html = CampaignReport.write(acme, o.campaignId(), dir.resolve("out"));

            String text = Files.readString(html);
            assertThat(text).startsWith("<!DOCTYPE html>").contains("<h1>report &amp; test</h1>", o.campaignId(),
                    "COMPLETED", "12 (1 failed)", "data:image/png;base64,", "c&lt;5&gt;", "no known value for candidate c&lt;7&gt;")
                    .doesNotContain("c<5>", "http://", "https://");
            assertThat(text.indexOf("c&lt;5&gt;")).as("the best candidate is listed first").isLessThan(text.indexOf("c&lt;4&gt;"));
            byte[] png = Files.readAllBytes(dir.resolve("out/best.png"));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(Files.readString(dir.resolve("out/best.svg"))).contains("<svg");
            assertThat(dir.resolve("out/pareto.png")).doesNotExist();
            assertThat(text).as("no parity plot without the design space").doesNotContain("Surrogate parity");
            assertThat(dir.resolve("out/parity.png")).doesNotExist();

            String withParity = Files.readString(CampaignReport.write(acme, o.campaignId(), dir.resolve("parity"),
                    CandidatePool.of(entries)));
            assertThat(withParity).contains("<h2>Surrogate parity</h2>", "5-fold cross-validation over 11 observations: RMSE ",
                    "alt=\"cross-validated predictions against observed values\" src=\"data:image/png;base64,");
            assertThat(withParity.indexOf("Surrogate parity")).isLessThan(withParity.indexOf("Best candidates"));
            assertThat(Files.readAllBytes(dir.resolve("parity/parity.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(dir.resolve("parity/parity.svg")).content().contains("<svg");

            CampaignOutcome two = CampaignRunner.builder(acme).name("two objectives").space(CandidatePool.of(entries))
                    .goal(Goal.builder().minimize("cost").maximize("yield").build()).strategy(Strategies.random())
                    .evaluator(new Evaluator() {
                        @Override
                        public String name() {
                            return "pair";
                        }

                        @Override
                        public EvaluationTicket submit(Candidate c) {
                            return new EvaluationTicket(c, c.id());
                        }

                        @Override
                        public Optional<Observation> poll(EvaluationTicket t) {
                            double d = t.candidate().descriptors().get(0);
                            return Optional.of(Observation.of(t.candidate(), Map.of("cost", Measurement.of(d, ""),
                                    "yield", Measurement.of(Math.sqrt(d), ""))));
                        }
                    })
                    .stop(StopCriteria.afterEvaluations(5)).seed(2).build().run();
            String multi = Files.readString(CampaignReport.write(acme, two.campaignId(), dir.resolve("two")));
            assertThat(multi).contains("<h2>Pareto front</h2>", "&quot;direction&quot;:&quot;MAXIMIZE&quot;");
            assertThat(dir.resolve("two/pareto.svg")).content().contains("<svg");
            assertThatThrownBy(() -> CampaignReport.write(orion.tenant(TenantId.of("globex")), o.campaignId(), dir))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
