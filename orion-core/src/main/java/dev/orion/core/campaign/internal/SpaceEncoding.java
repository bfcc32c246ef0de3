package dev.orion.core.campaign.internal;

import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.CategoricalParameter;
import dev.orion.campaign.CompositionParameter;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Parameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.structure.Element;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps candidates to the numeric features models see, all in [0, 1]: a continuous parameter to its
 * (log-)scaled position, an integer to its scaled value, a categorical parameter to a one-hot block (so
 * an ARD kernel learns one length scale per category), a composition to its fractions, and a pool entry to
 * its min-max-scaled descriptors. Also samples a parameter space from points of the unit cube, so Sobol
 * and Latin-hypercube designs cover every kind of parameter.
 */
public final class SpaceEncoding {

    private final DesignSpace space;
    private final List<Parameter> parameters;
    private final int[] offsets;
    private final int dimension;
    private final int cubeDimension;
    private final double[] descriptorMin;
    private final double[] descriptorSpan;

    private SpaceEncoding(DesignSpace space) {
        this.space = space;
        if (space instanceof ParameterSpace ps) {
            parameters = ps.parameters();
            offsets = new int[parameters.size() + 1];
            int cube = 0;
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                int width = p instanceof CategoricalParameter c ? c.categories().size()
                        : p instanceof CompositionParameter c ? c.elements().size() : 1;
                offsets[i + 1] = offsets[i] + width;
                cube += p instanceof CompositionParameter ? width : 1;
            }
            dimension = offsets[parameters.size()];
            cubeDimension = cube;
            descriptorMin = new double[0];
            descriptorSpan = new double[0];
        } else {
            CandidatePool pool = (CandidatePool) space;
            parameters = List.of();
            offsets = new int[0];
            dimension = pool.descriptorCount();
            cubeDimension = 0;
            descriptorMin = new double[dimension];
            descriptorSpan = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Candidate c : pool.candidates()) {
                    min = Math.min(min, c.descriptors().get(j));
                    max = Math.max(max, c.descriptors().get(j));
                }
                descriptorMin[j] = min;
                descriptorSpan[j] = max > min ? max - min : 1;
            }
        }
    }

    /** @param space a design space  @return its encoding */
    public static SpaceEncoding of(DesignSpace space) {
        return new SpaceEncoding(space);
    }

    /** @return the number of features */
    public int dimension() {
        return dimension;
    }

    /** @return the number of unit-cube coordinates {@link #fromCube} needs (0 for a pool) */
    public int cubeDimension() {
        return cubeDimension;
    }

    /** @return per feature, whether it belongs to a continuous parameter (free for local refinement) */
    public boolean[] continuousFeatures() {
        boolean[] out = new boolean[dimension];
        for (int i = 0; i < parameters.size(); i++) {
            out[offsets[i]] = parameters.get(i) instanceof ContinuousParameter;
        }
        return out;
    }

    /**
     * @param candidate a candidate of the space
     * @return its features
     * @throws IllegalArgumentException if it does not fit the space
     */
    public double[] encode(Candidate candidate) {
        double[] f = new double[dimension];
        if (space instanceof CandidatePool) {
            if (candidate.descriptors().size() != dimension) {
                throw new IllegalArgumentException("candidate " + candidate.id() + " has "
                        + candidate.descriptors().size() + " descriptors, the pool " + dimension);
            }
            for (int j = 0; j < dimension; j++) {
                f[j] = (candidate.descriptors().get(j) - descriptorMin[j]) / descriptorSpan[j];
            }
            return f;
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            int o = offsets[i];
            if (p instanceof ContinuousParameter c) {
                f[o] = scale(c, candidate.number(c.name()));
            } else if (p instanceof IntegerParameter n) {
                f[o] = n.upper() == n.lower() ? 0 : (candidate.number(n.name()) - n.lower()) / (double) (n.upper() - n.lower());
            } else if (p instanceof CategoricalParameter c) {
                int k = c.indexOf(candidate.category(c.name()));
                if (k < 0) {
                    throw new IllegalArgumentException("category " + candidate.category(c.name()) + " of "
                            + c.name() + " is not one of " + c.categories());
                }
                f[o + k] = 1;
            } else {
                CompositionParameter c = (CompositionParameter) p;
                Map<Element, Double> fr = candidate.fractions(c.name());
                for (int k = 0; k < c.elements().size(); k++) {
                    f[o + k] = fr.getOrDefault(c.elements().get(k), 0.0);
                }
            }
        }
        return f;
    }

    /**
     * Snaps features to the nearest candidate: rounds integers, takes the largest one-hot entry, clips and
     * renormalises fractions (respecting the minimum fraction).
     *
     * @param features features of width {@link #dimension()}
     * @return the candidate
     */
    public Candidate decode(double[] features) {
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            int o = offsets[i];
            if (p instanceof ContinuousParameter c) {
                values.put(c.name(), ParameterValue.real(unscale(c, clip(features[o]))));
            } else if (p instanceof IntegerParameter n) {
                long v = n.lower() + Math.round(clip(features[o]) * (n.upper() - n.lower()));
                values.put(n.name(), ParameterValue.integer(Math.min(n.upper(), Math.max(n.lower(), v))));
            } else if (p instanceof CategoricalParameter c) {
                int best = 0;
                for (int k = 1; k < c.categories().size(); k++) {
                    if (features[o + k] > features[o + best]) {
                        best = k;
                    }
                }
                values.put(c.name(), ParameterValue.category(c.categories().get(best)));
            } else {
                CompositionParameter c = (CompositionParameter) p;
                double[] w = new double[c.elements().size()];
                for (int k = 0; k < w.length; k++) {
                    w[k] = Math.max(0, features[o + k] - c.minFraction());
                }
                values.put(c.name(), fractions(c, w));
            }
        }
        return Candidate.of(values);
    }

    /**
     * @param u a point of the unit cube of width {@link #cubeDimension()}
     * @return the candidate it maps to (compositions uniformly on their simplex)
     */
    public Candidate fromCube(double[] u) {
        if (!(space instanceof ParameterSpace)) {
            throw new IllegalStateException("a candidate pool is not sampled from the unit cube");
        }
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        int j = 0;
        for (Parameter p : parameters) {
            if (p instanceof ContinuousParameter c) {
                values.put(c.name(), ParameterValue.real(unscale(c, u[j++])));
            } else if (p instanceof IntegerParameter n) {
                long span = n.upper() - n.lower();
                long v = n.lower() + (long) Math.floor(u[j++] * (span + 1.0));
                values.put(n.name(), ParameterValue.integer(Math.min(n.upper(), v)));
            } else if (p instanceof CategoricalParameter c) {
                int k = Math.min(c.categories().size() - 1, (int) (u[j++] * c.categories().size()));
                values.put(c.name(), ParameterValue.category(c.categories().get(k)));
            } else {
                CompositionParameter c = (CompositionParameter) p;
                double[] w = new double[c.elements().size()];
                for (int k = 0; k < w.length; k++) {
                    w[k] = -Math.log(Math.max(1e-300, 1 - u[j++]));
                }
                values.put(c.name(), fractions(c, w));
            }
        }
        return Candidate.of(values);
    }

    private static ParameterValue fractions(CompositionParameter c, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int k = weights.length;
        double free = 1 - k * c.minFraction();
        Map<Element, Double> fr = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < k; i++) {
            double f = c.minFraction() + free * (sum > 0 ? weights[i] / sum : 1.0 / k);
            f = Math.round(f * 1e9) / 1e9;
            fr.put(c.elements().get(i), f);
            total += f;
        }
        Element last = c.elements().get(k - 1);
        fr.put(last, Math.max(0, fr.get(last) + 1 - total));
        return ParameterValue.fractions(fr);
    }

    private static double clip(double v) {
        return Math.min(1, Math.max(0, v));
    }

    private static double scale(ContinuousParameter c, double v) {
        return c.logScale() ? Math.log(v / c.lower()) / Math.log(c.upper() / c.lower())
                : (v - c.lower()) / (c.upper() - c.lower());
    }

    private static double unscale(ContinuousParameter c, double u) {
        double v = c.logScale() ? c.lower() * Math.exp(u * Math.log(c.upper() / c.lower()))
                : c.lower() + u * (c.upper() - c.lower());
        return Math.min(c.upper(), Math.max(c.lower(), v));
    }
}
