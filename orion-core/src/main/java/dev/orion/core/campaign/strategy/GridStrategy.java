package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.CategoricalParameter;
import dev.orion.campaign.CompositionParameter;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Parameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full factorial grid for small spaces, proposed in a fixed order (continuous parameters at
 * {@code levels} evenly spaced values, log-spaced on a log scale; integers at every value, or
 * {@code levels} values if there are more; every category; compositions on a simplex lattice of step
 * {@code 1/(levels-1)}). Over a pool it proposes entries in pool order.
 */
final class GridStrategy implements Strategy {

    static final int MAX_POINTS = 1_000_000;

    private final int levels;

    GridStrategy(int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("levels must be >= 2, got " + levels);
        }
        this.levels = levels;
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public List<Proposal> propose(ProposalRequest request) {
        History history = new History(request);
        List<Proposal> out = new ArrayList<>();
        if (request.space() instanceof CandidatePool pool) {
            for (Candidate c : pool.candidates()) {
                if (out.size() < request.batchSize() && !history.excluded.contains(c.id())) {
                    out.add(Proposal.of(c, name()));
                }
            }
            return out;
        }
        ParameterSpace space = (ParameterSpace) request.space();
        List<List<ParameterValue>> axes = new ArrayList<>();
        long size = 1;
        for (Parameter p : space.parameters()) {
            List<ParameterValue> axis = axis(p);
            axes.add(axis);
            size *= axis.size();
            if (size > MAX_POINTS) {
                throw new IllegalArgumentException("grid of " + levels + " levels has more than " + MAX_POINTS
                        + " points; use Sobol or Bayesian optimisation for this space");
            }
        }
        int[] index = new int[axes.size()];
        for (long k = 0; k < size && out.size() < request.batchSize(); k++) {
            Map<String, ParameterValue> values = new LinkedHashMap<>();
            for (int i = 0; i < index.length; i++) {
                values.put(space.parameters().get(i).name(), axes.get(i).get(index[i]));
            }
            Candidate c = Candidate.of(values);
            if (!history.excluded.contains(c.id()) && space.isFeasible(c)) {
                out.add(Proposal.of(c, name()));
            }
            for (int i = index.length - 1; i >= 0; i--) {
                if (++index[i] < axes.get(i).size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    private List<ParameterValue> axis(Parameter p) {
        List<ParameterValue> axis = new ArrayList<>();
        if (p instanceof ContinuousParameter c) {
            for (int k = 0; k < levels; k++) {
                double t = k / (levels - 1.0);
                double v = c.logScale() ? c.lower() * Math.pow(c.upper() / c.lower(), t)
                        : c.lower() + t * (c.upper() - c.lower());
                axis.add(ParameterValue.real(Math.min(c.upper(), v)));
            }
        } else if (p instanceof IntegerParameter n) {
            long count = Math.min(n.size(), levels);
            for (long k = 0; k < count; k++) {
                long v = count == 1 ? n.lower() : n.lower() + Math.round(k * (double) (n.upper() - n.lower()) / (count - 1));
                axis.add(ParameterValue.integer(v));
            }
        } else if (p instanceof CategoricalParameter c) {
            c.categories().forEach(v -> axis.add(ParameterValue.category(v)));
        } else {
            CompositionParameter c = (CompositionParameter) p;
            lattice(c, new int[c.elements().size()], 0, levels - 1, axis);
        }
        return axis;
    }

    private static void lattice(CompositionParameter c, int[] counts, int position, int remaining,
                                List<ParameterValue> out) {
        int k = counts.length;
        if (position == k - 1) {
            counts[position] = remaining;
            int total = 0;
            for (int v : counts) {
                total += v;
            }
            Map<Element, Double> fr = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                double f = counts[i] / (double) total;
                ok &= f >= c.minFraction();
                fr.put(c.elements().get(i), f);
            }
            if (ok) {
                out.add(ParameterValue.fractions(fr));
            }
            return;
        }
        for (int v = 0; v <= remaining; v++) {
            counts[position] = v;
            lattice(c, counts, position + 1, remaining - v, out);
        }
    }
}
