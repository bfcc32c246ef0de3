package dev.orion.core.campaign.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.Prediction;
import dev.orion.campaign.Selection;
import dev.orion.campaign.SelectionInput;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.gp.BootstrapCommittee;
import dev.orion.core.campaign.gp.CommitteeModel;
import org.junit.jupiter.api.Test;

class SelectorsTest {

    private final double[][] probabilities = {
        {0.9, 0.05, 0.05}, {0.4, 0.4, 0.2}, {0.34, 0.33, 0.33}, {0.6, 0.39, 0.01}, {0.5, 0.1, 0.4}};

    @Test
    void classifierSelectorsRankByTheirOwnUncertainty() {
        SelectionInput pool = SelectionInput.builder(5).probabilities(probabilities).build();
        assertThat(Selectors.entropy().select(pool, 2).indices()).containsExactly(2, 1);
        assertThat(Selectors.margin().select(pool, 2).indices()).containsExactly(1, 2);
        Selection least = Selectors.leastConfidence().select(pool, 3);
        assertThat(least.indices()).containsExactly(2, 1, 4);
        assertThat(least.scores().get(0)).isCloseTo(0.66, within(1e-12));
        assertThat(Selectors.entropy().select(pool, 9).indices()).hasSize(5);
    }

    @Test
    void regressionSelectorsUseVarianceAndCommitteeDisagreement() {
        Prediction[] p = {new Prediction(0, 0.1), new Prediction(1, 2), new Prediction(2, 0.5)};
        assertThat(Selectors.maxVariance().select(SelectionInput.builder(3).predictions(p).build(), 1).indices())
                .containsExactly(1);
        double[][] committee = {{1, 2, 3}, {1, 5, 3.1}, {1, -1, 2.9}};
        Selection qbc = Selectors.queryByCommittee().select(SelectionInput.builder(3).committee(committee).build(), 3);
        assertThat(qbc.indices()).containsExactly(1, 2, 0);
        assertThat(qbc.scores().get(2)).isZero();
    }

    @Test
    void queryByCommitteeOverABootstrapCommitteePrefersUnexploredRegions() {
        double[][] x = {{0.0}, {0.05}, {0.1}, {0.15}, {0.2}, {0.25}};
        double[] y = {0, 0.3, 0.5, 0.9, 1.1, 1.4};
        CommitteeModel committee = BootstrapCommittee.builder().members(6).seed(2).build().fit(TrainingSet.of(x, y));
        double[][] pool = {{0.1}, {0.9}, {0.2}};
        SelectionInput input = SelectionInput.builder(3).committee(committee.memberMeans(pool)).build();
        assertThat(Selectors.queryByCommittee().select(input, 1).indices()).containsExactly(1);
        assertThat(committee.predict(pool[1]).variance()).isGreaterThan(committee.predict(pool[0]).variance());
    }

    @Test
    void diverseBatchesSpreadOutWhereScoresAlone_wouldCluster() {
        Prediction[] p = {new Prediction(0, 1.0), new Prediction(0, 0.99), new Prediction(0, 0.98),
            new Prediction(0, 0.5)};
        double[][] features = {{0, 0}, {0.01, 0}, {0, 0.01}, {1, 1}};
        SelectionInput pool = SelectionInput.builder(4).predictions(p).features(features).build();
        assertThat(Selectors.maxVariance().select(pool, 2).indices()).containsExactly(0, 1);
        assertThat(Selectors.diverse(Selectors.maxVariance(), 0.5).select(pool, 2).indices()).containsExactly(0, 3);
        assertThat(Selectors.diverse(Selectors.maxVariance(), 0).select(pool, 2).indices()).containsExactly(0, 1);
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        SelectionInput empty = SelectionInput.builder(2).build();
        assertThatThrownBy(() -> Selectors.entropy().select(empty, 1)).hasMessageContaining("probabilities");
        assertThatThrownBy(() -> Selectors.queryByCommittee().select(empty, 1)).hasMessageContaining("committee");
        assertThatThrownBy(() -> Selectors.diverse(Selectors.entropy(), 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> SelectionInput.builder(1).probabilities(new double[][] {{0.5, 0.6}}))
                .hasMessageContaining("probabilities[0] must sum to 1, got 1.1");
        assertThatThrownBy(() -> Selectors.entropy().select(SelectionInput.builder(1)
                .probabilities(new double[][] {{1}}).build(), 0)).hasMessageContaining("batchSize");
    }
}
