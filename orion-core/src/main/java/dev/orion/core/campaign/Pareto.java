package dev.orion.core.campaign;

import dev.orion.campaign.Goal;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pareto fronts and hypervolumes. Points are in "smaller is better" orientation unless a method takes a
 * {@link Goal}, which orients them itself.
 *
 * <pre>{@code
 * List<Observation> front = Pareto.front(observations, goal);
 * double hv = Pareto.hypervolume(observations, goal, new double[] {18, 6});
 * }</pre>
 */
public final class Pareto {

    private Pareto() {
    }

    /**
     * @param points points to minimise, one row per point, all rows of the same width
     * @return indices of the non-dominated points (duplicates of a front point are all kept), ascending
     */
    public static int[] nonDominated(double[][] points) {
        Objects.requireNonNull(points, "points");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < points.length && !dominated; j++) {
                dominated = j != i && dominates(points[j], points[i]);
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @param a a point  @param b another  @return whether a is no worse everywhere and better somewhere */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    /**
     * The volume dominated by the points and bounded by the reference point (points not strictly better
     * than the reference in every objective contribute nothing). Exact; fast for 1-3 objectives, and
     * correct (by slicing) for more.
     *
     * @param points    points to minimise
     * @param reference the reference point, same width
     * @return the hypervolume
     */
    public static double hypervolume(double[][] points, double[] reference) {
        Objects.requireNonNull(reference, "reference");
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("points must have width " + reference.length + ", got " + p.length);
            }
            boolean ok = true;
            for (int k = 0; k < p.length; k++) {
                ok &= p[k] < reference[k];
            }
            if (ok) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    private static double volume(List<double[]> points, double[] reference, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (m == 2) {
            double[][] sorted = points.toArray(new double[0][]);
            Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
            double area = 0;
            double lastY = reference[1];
            for (double[] p : sorted) {
                if (p[1] < lastY) {
                    area += (reference[0] - p[0]) * (lastY - p[1]);
                    lastY = p[1];
                }
            }
            return area;
        }
        int last = m - 1;
        double[][] sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        List<double[]> slab = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            slab.add(sorted[i]);
            double top = i + 1 < sorted.length ? sorted[i + 1][last] : reference[last];
            double depth = top - sorted[i][last];
            if (depth > 0) {
                total += depth * volume(slab, reference, last);
            }
        }
        return total;
    }

    /**
     * @param observations observations of a campaign
     * @param goal         its goal
     * @return the successful observations that satisfy the goal's constraints and are not dominated, in
     *         their original order
     */
    public static List<Observation> front(List<Observation> observations, Goal goal) {
        List<Observation> ok = satisfying(observations, goal);
        int[] idx = nonDominated(oriented(ok, goal));
        List<Observation> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(ok.get(i));
        }
        return List.copyOf(out);
    }

    /**
     * @param observations observations of a campaign
     * @param goal         its goal
     * @param reference    the reference point in the objectives' own units and order (a worst acceptable
     *                     value per objective)
     * @return the hypervolume dominated by the observations that satisfy the goal
     */
    public static double hypervolume(List<Observation> observations, Goal goal, double[] reference) {
        List<Objective> objectives = goal.objectives();
        if (reference.length != objectives.size()) {
            throw new IllegalArgumentException("reference must have " + objectives.size() + " entries, got "
                    + reference.length);
        }
        double[] ref = new double[reference.length];
        for (int k = 0; k < ref.length; k++) {
            ref[k] = objectives.get(k).toMinimized(reference[k]);
        }
        return hypervolume(oriented(satisfying(observations, goal), goal), ref);
    }

    private static List<Observation> satisfying(List<Observation> observations, Goal goal) {
        return observations.stream().filter(goal::isSatisfiedBy).toList();
    }

    private static double[][] oriented(List<Observation> observations, Goal goal) {
        double[][] out = new double[observations.size()][goal.objectives().size()];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < out[i].length; k++) {
                Objective o = goal.objectives().get(k);
                out[i][k] = o.toMinimized(observations.get(i).value(o.outcome()).getAsDouble());
            }
        }
        return out;
    }
}
