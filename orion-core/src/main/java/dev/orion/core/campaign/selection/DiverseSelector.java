package dev.orion.core.campaign.selection;

import dev.orion.campaign.Selection;
import dev.orion.campaign.SelectionInput;
import dev.orion.campaign.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy batch selection trading a base selector's score against distance to the items already picked
 * (both scaled to [0, 1]); the first pick is the top-scored item.
 */
final class DiverseSelector implements Selector {

    private final Selector base;
    private final double weight;

    DiverseSelector(Selector base, double weight) {
        this.base = base;
        this.weight = weight;
    }

    @Override
    public String name() {
        return "diverse-" + base.name();
    }

    @Override
    public Selection select(SelectionInput pool, int batchSize) {
        double[][] x = pool.features().orElseThrow(() -> Selectors.missing("features", name()));
        int n = pool.size();
        Selection all = base.select(pool, n);
        double[] s = all.scores().stream().mapToDouble(Double::doubleValue).toArray();
        List<Integer> ranked = all.indices();
        double[] score = new double[n];
        for (int k = 0; k < n; k++) {
            score[ranked.get(k)] = s[k];
        }
        double min = Arrays.stream(score).min().orElse(0);
        double max = Arrays.stream(score).max().orElse(0);
        double span = max > min ? max - min : 1;
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[n];
        List<Integer> indices = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < Math.min(batchSize, n); k++) {
            double farthest = 0;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && Double.isFinite(nearest[i])) {
                    farthest = Math.max(farthest, nearest[i]);
                }
            }
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double distance = indices.isEmpty() || farthest == 0 ? 0 : nearest[i] / farthest;
                double v = (1 - weight) * (score[i] - min) / span + weight * distance;
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            taken[best] = true;
            indices.add(best);
            values.add(bestValue);
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int j = 0; j < x[i].length; j++) {
                    double t = x[i][j] - x[best][j];
                    d += t * t;
                }
                nearest[i] = Math.min(nearest[i], Math.sqrt(d));
            }
        }
        return new Selection(indices, values);
    }
}
