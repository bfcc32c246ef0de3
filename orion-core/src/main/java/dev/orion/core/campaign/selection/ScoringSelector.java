package dev.orion.core.campaign.selection;

import dev.orion.campaign.Selection;
import dev.orion.campaign.SelectionInput;
import dev.orion.campaign.Selector;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Selects the items with the highest scores (ties by lower index). */
final class ScoringSelector implements Selector {

    private final String name;
    private final Function<SelectionInput, double[]> scores;

    ScoringSelector(String name, Function<SelectionInput, double[]> scores) {
        this.name = name;
        this.scores = scores;
    }

    @Override
    public String name() {
        return name;
    }

    double[] scores(SelectionInput pool) {
        return scores.apply(pool);
    }

    @Override
    public Selection select(SelectionInput pool, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        double[] s = scores(pool);
        List<Integer> order = IntStream.range(0, s.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                .limit(batchSize).toList();
        return new Selection(order, order.stream().map(i -> s[i]).toList());
    }
}
