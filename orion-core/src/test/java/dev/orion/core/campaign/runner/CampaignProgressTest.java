package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Goal;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {

    private static String run(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        // every reading of the clock advances it by half a second: the n-th evaluation is seen n * 0.5 s after the start
        CampaignProgress progress = new CampaignProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 8, terminal,
                () -> clock.getAndAdd(500_000_000L));
        List<Candidate> entries = new ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.add(Candidate.pooled("c" + i, i));
            values.put("c" + i, 10.0 - i);
        }
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            CampaignRunner.builder(orion.tenant(TenantId.of("acme"))).name("progress").space(CandidatePool.of(entries))
                    .goal(Goal.minimize("gap")).strategy(Strategies.random()).evaluator(Evaluators.lookup("gap", "eV", values))
                    .stop(StopCriteria.afterEvaluations(8)).seed(3).listener(progress).build().run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerEvaluationWithTheNumbersWhenNotOnATerminal() {
        String text = run(false);

        List<String> lines = text.lines().toList();
        assertThat(text).doesNotContain("\r");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("1/8 evaluations  best gap ").contains("0.5 s  2.00 eval/s");
        assertThat(lines.get(5)).isEqualTo("6/8 evaluations  best gap 5.00000  3.0 s  2.00 eval/s");
        assertThat(lines.get(6)).isEqualTo("stopped (EXHAUSTED) after 6 evaluations");
    }

    @Test
    void rewritesOneLineWithCarriageReturnsOnATerminal() {
        String text = run(true);

        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(6);
        assertThat(text.split("\n")).as("two lines: the rewritten one and the stop").hasSize(2);
        assertThat(text).contains("\r6/8 evaluations  best gap 5.00000").endsWith("stopped (EXHAUSTED) after 6 evaluations"
                + System.lineSeparator());
    }

    @Test
    void rejectsABudgetBelowOne() {
        assertThatThrownBy(() -> CampaignProgress.to(System.err, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget").hasMessageContaining("0");
    }
}
