package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Goal;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {

    private static List<Progress> run() {
        List<Progress> heard = new ArrayList<>();
        CampaignProgress progress = CampaignProgress.to(heard::add, 8);
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
        return heard;
    }

    @Test
    void reportsTheStartEveryEvaluationWithTheBestSoFarAndAFullBarAtTheStop() {
        List<Progress> heard = run();

        assertThat(heard).hasSize(8);
        assertThat(heard.get(0)).isEqualTo(new Progress(0, 8, "campaign progress"));
        assertThat(heard.subList(1, 7)).extracting(Progress::done).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(heard.subList(1, 7)).extracting(Progress::total).containsOnly(8L);
        assertThat(heard.get(6).label()).isEqualTo("best gap 5.00000");
        assertThat(heard.get(7)).as("the pool ran out after 6: the bar ends full")
                .isEqualTo(new Progress(6, 6, "stopped (EXHAUSTED) after 6 evaluations"));
    }

    @Test
    void rejectsABudgetBelowOne() {
        assertThatThrownBy(() -> CampaignProgress.to(ProgressListener.none(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget").hasMessageContaining("0");
    }
}
