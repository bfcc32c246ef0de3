package dev.orion.core.campaign.gp;

import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A committee of surrogates, each fitted on a bootstrap resample of the data (seeded), for query by
 * committee and for a model-agnostic uncertainty. The committee predicts the members' mean, with the
 * variance of the members' means added to their mean variance.
 *
 * <pre>{@code
 * CommitteeModel committee = BootstrapCommittee.builder().members(8).seed(3).build().fit(data);
 * double[][] votes = committee.memberMeans(poolFeatures);   // for Selectors.queryByCommittee()
 * }</pre>
 */
public final class BootstrapCommittee implements Surrogate {

    private final Surrogate base;
    private final int members;
    private final long seed;

    private BootstrapCommittee(Builder b) {
        this.base = b.base;
        this.members = b.members;
        this.seed = b.seed;
    }

    /** @return a builder (5 Gaussian-process members with one restart each, seed 0) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "committee-" + base.name();
    }

    @Override
    public CommitteeModel fit(TrainingSet data) {
        Objects.requireNonNull(data, "data");
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("data must have at least one point, got 0");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<SurrogateModel> fitted = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            double[][] x = new double[n][];
            double[] y = new double[n];
            double[] noise = new double[n];
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                x[i] = data.x(k);
                y[i] = data.y(k);
                noise[i] = data.noiseVariance(k);
            }
            fitted.add(base.fit(TrainingSet.of(x, y, noise)));
        }
        return new CommitteeModel(fitted, data);
    }

    /** Configures a {@link BootstrapCommittee}. */
    public static final class Builder {
        private Surrogate base = GaussianProcess.builder().restarts(1).build();
        private int members = 5;
        private long seed;

        private Builder() {
        }

        /** @param base the surrogate each member is  @return this builder (for chaining) */
        public Builder base(Surrogate base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /** @param members how many members (&gt;= 2, default 5)  @return this builder (for chaining) */
        public Builder members(int members) {
            if (members < 2) {
                throw new IllegalArgumentException("members must be >= 2, got " + members);
            }
            this.members = members;
            return this;
        }

        /** @param seed the seed of the resamples  @return this builder (for chaining) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the surrogate */
        public BootstrapCommittee build() {
            return new BootstrapCommittee(this);
        }
    }
}
