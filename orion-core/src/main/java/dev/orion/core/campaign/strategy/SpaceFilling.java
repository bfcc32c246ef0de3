package dev.orion.core.campaign.strategy;

import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.internal.QuasiRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-free designs: uniform random, Sobol (continuing one sequence across calls with the same seed:
 * it skips as many points as have been observed or are pending) and Latin hypercube (each batch one
 * hypercube). Over a pool, design points pick the nearest unused entry in descriptor space.
 */
final class SpaceFilling implements Strategy {

    enum Design { RANDOM, SOBOL, LATIN_HYPERCUBE }

    private final Design design;

    SpaceFilling(Design design) {
        this.design = design;
    }

    @Override
    public String name() {
        return switch (design) {
            case RANDOM -> "random";
            case SOBOL -> "sobol";
            case LATIN_HYPERCUBE -> "latin-hypercube";
        };
    }

    @Override
    public List<Proposal> propose(ProposalRequest request) {
        History history = new History(request);
        int q = request.batchSize();
        List<CandidateSearch.Point> points;
        int drawn = request.observations().size() + request.pending().size();
        if (design == Design.RANDOM) {
            // a new stream per call (as for Latin hypercubes): one seed for every call of a campaign would
            // redraw the used points first and run out of attempts after about 1,000 / q calls
            points = CandidateSearch.random(history, q, request.seed() + drawn);
        } else {
            int dim = request.space() instanceof CandidatePool ? history.encoding.dimension()
                    : history.encoding.cubeDimension();
            // draw extra points: some may be infeasible, already used, or map to the same pool entry
            int count = 4 * q + 16;
            double[][] u = design == Design.SOBOL ? QuasiRandom.sobol(count, dim, drawn, request.seed())
                    : QuasiRandom.latinHypercube(q, dim, request.seed() + drawn);
            points = CandidateSearch.fromDesign(history, u, q);
            if (points.size() < q) {
                List<CandidateSearch.Point> more = new ArrayList<>(points);
                for (CandidateSearch.Point p : CandidateSearch.random(history, 4 * q, request.seed() + 1)) {
                    if (more.size() < q && more.stream().noneMatch(m -> m.candidate().id().equals(p.candidate().id()))) {
                        more.add(p);
                    }
                }
                points = more;
            }
        }
        return points.stream().map(p -> Proposal.of(p.candidate(), name())).toList();
    }
}
