package dev.orion.samples.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.analysis.features.CompositionFeaturizer;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Strategy;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignReport;
import dev.orion.core.campaign.runner.CampaignProgress;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.Evaluators;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Acquisitions;
import dev.orion.core.campaign.strategy.BayesianOptimization;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.samples.ConsoleProgress;
import dev.orion.structure.Composition;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line pool campaign ({@code scripts/campaign}): a scientist's table of candidate materials with a
 * measured (or precomputed) target, searched by a strategy as if each value had to be measured, to see how
 * many evaluations it needs. Descriptors come from the formula (the standard composition featurizer) unless
 * feature columns are named. Prints one JSON line per evaluation and a final summary line; bad arguments or
 * a malformed CSV give a message naming the row and column, and exit status 2.
 *
 * <pre>
 * scripts/campaign --pool FILE.csv --id COL --formula COL --target COL (--minimize|--maximize)
 *     [--features COL,...] [--strategy bo|qnei|random|sobol|ga] [--init N] [--budget N] [--batch Q] [--seed S] [--out DIR]
 * </pre>
 *
 * With {@code --out} the campaign is stored in the embedded store under {@code DIR/orion-data} and its HTML
 * report is written to {@code DIR/report.html}; without it, the campaign is kept in memory.
 */
public final class PoolCampaign {

    static final String USAGE = "usage: campaign --pool FILE.csv --id COL --formula COL --target COL (--minimize|--maximize)"
            + " [--features COL,...] [--strategy bo|qnei|random|sobol|ga] [--init N] [--budget N] [--batch Q] [--seed S] [--out DIR]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolCampaign() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args the command line
     * @param out  where the JSON lines go
     * @param err  where errors go
     * @return the exit status: 0 done, 2 bad input
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opt;
        CandidatePool pool;
        Map<String, Double> values = new HashMap<>();
        try {
            opt = options(args);
            PoolTable table = PoolTable.read(Path.of(opt.get("--pool")));
            pool = pool(table, opt, values);
        } catch (PoolTable.BadInput e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String target = opt.get("--target");
        Goal goal = opt.containsKey("--maximize") ? Goal.maximize(target) : Goal.minimize(target);
        int budget = Integer.parseInt(opt.getOrDefault("--budget", Integer.toString(pool.candidates().size())));
        try (Orion orion = Orion.builder().store(opt.containsKey("--out")
                ? Stores.embedded(Path.of(opt.get("--out")).resolve("orion-data")) : Stores.inMemory()).build()) {
            int[] n = {0};
            CampaignListener lines = new CampaignListener() {
                @Override
                public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                    ObjectNode line = JSON.createObjectNode().put("n", ++n[0]).put("id", o.candidate().id());
                    o.value(target).ifPresentOrElse(v -> line.put("value", v), () -> line.putNull("value"));
                    best.ifPresentOrElse(b -> line.put("best", b.value(target).getAsDouble()), () -> line.putNull("best"));
                    out.println(line);
                }
            };
            CampaignRunner.Builder builder = CampaignRunner.builder(orion.tenant(TenantId.of("local"), Principal.user("cli")));
            if (System.console() != null) {
                // on a terminal a progress line goes to stderr; stdout keeps only the JSON lines
                builder.listener(CampaignProgress.to(ConsoleProgress.create("campaign"), budget));
            }
            CampaignOutcome outcome = builder
                    .name("pool " + Path.of(opt.get("--pool")).getFileName()).space(pool).goal(goal)
                    .strategy(strategy(opt.getOrDefault("--strategy", "bo"), Integer.parseInt(opt.getOrDefault("--init", "10"))))
                    .evaluator(Evaluators.lookup(target, "", values)).stop(StopCriteria.afterEvaluations(budget))
                    .batchSize(Integer.parseInt(opt.getOrDefault("--batch", "1")))
                    .seed(Long.parseLong(opt.getOrDefault("--seed", "0"))).listener(lines).build().run();
            ObjectNode summary = JSON.createObjectNode().put("summary", true).put("campaign", outcome.campaignId())
                    .put("evaluations", outcome.evaluations()).put("stop", outcome.reason().name())
                    .put("pool", pool.candidates().size());
            outcome.best().ifPresent(b -> summary.put("best_id", b.candidate().id()).put("best", b.value(target).getAsDouble()));
            if (opt.containsKey("--out")) {
                summary.put("report", CampaignReport.write(orion.tenant(TenantId.of("local"), Principal.user("cli")),
                        outcome.campaignId(), Path.of(opt.get("--out")), pool).toAbsolutePath().toString());
            }
            out.println(summary);
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) throws PoolTable.BadInput {
        Map<String, String> opt = new HashMap<>();
        List<String> flags = List.of("--minimize", "--maximize");
        List<String> valued = List.of("--pool", "--id", "--formula", "--target", "--features", "--strategy", "--init",
                "--budget", "--batch", "--seed", "--out");
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                opt.put(args[i], "");
            } else if (valued.contains(args[i]) && i + 1 < args.length) {
                opt.put(args[i], args[++i]);
            } else {
                throw new PoolTable.BadInput(valued.contains(args[i]) ? args[i] + " needs a value" : "unknown argument '" + args[i] + "'");
            }
        }
        for (String required : List.of("--pool", "--id", "--formula", "--target")) {
            if (!opt.containsKey(required)) {
                throw new PoolTable.BadInput(required + " is required");
            }
        }
        if (opt.containsKey("--minimize") == opt.containsKey("--maximize")) {
            throw new PoolTable.BadInput("give exactly one of --minimize and --maximize");
        }
        for (String positive : List.of("--init", "--budget", "--batch")) {
            if (opt.containsKey(positive) && !opt.get(positive).matches("[1-9][0-9]{0,8}")) {
                throw new PoolTable.BadInput(positive + " needs a positive whole number, got '" + opt.get(positive) + "'");
            }
        }
        if (opt.containsKey("--seed") && !opt.get("--seed").matches("-?[0-9]{1,18}")) {
            throw new PoolTable.BadInput("--seed needs a whole number, got '" + opt.get("--seed") + "'");
        }
        if (!List.of("bo", "qnei", "random", "sobol", "ga").contains(opt.getOrDefault("--strategy", "bo"))) {
            throw new PoolTable.BadInput("--strategy must be bo, qnei, random, sobol or ga, got '" + opt.get("--strategy") + "'");
        }
        return opt;
    }

    private static CandidatePool pool(PoolTable table, Map<String, String> opt, Map<String, Double> values)
            throws PoolTable.BadInput {
        int id = table.column("--id", opt.get("--id"));
        int formula = table.column("--formula", opt.get("--formula"));
        int target = table.column("--target", opt.get("--target"));
        List<Integer> features = new ArrayList<>();
        if (opt.containsKey("--features")) {
            for (String name : opt.get("--features").split(",")) {
                features.add(table.column("--features", name.trim()));
            }
        }
        CompositionFeaturizer featurizer = CompositionFeaturizer.standard();
        List<Candidate> candidates = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        for (int r = 0; r < table.rows.size(); r++) {
            List<String> row = table.rows.get(r);
            String where = "row " + (r + 2) + ", column ";
            String cid = row.get(id).trim();
            if (cid.isEmpty() || !ids.add(cid)) {
                throw new PoolTable.BadInput(where + table.header.get(id) + ": id '" + cid + "' is "
                        + (cid.isEmpty() ? "empty" : "repeated"));
            }
            Composition composition;
            try {
                composition = Composition.parse(row.get(formula).trim());
            } catch (RuntimeException e) {
                throw new PoolTable.BadInput(where + table.header.get(formula) + ": '" + row.get(formula) + "' is not a formula ("
                        + e.getMessage() + ")");
            }
            double[] descriptors = new double[features.size()];
            for (int f = 0; f < features.size(); f++) {
                descriptors[f] = table.number(r, features.get(f));
            }
            if (features.isEmpty()) {
                descriptors = featurizer.featurize(composition).toArray();
            }
            values.put(cid, table.number(r, target));
            candidates.add(Candidate.pooled(cid, descriptors).withComposition(composition));
        }
        return CandidatePool.of(candidates);
    }

    private static Strategy strategy(String name, int init) {
        return switch (name) {
            case "random" -> Strategies.random();
            case "sobol" -> Strategies.sobol();
            case "ga" -> Strategies.nsga2();
            // Bayesian optimisation whose batches are chosen jointly by Monte Carlo noisy EI
            case "qnei" -> BayesianOptimization.builder().initialPoints(init)
                    .acquisition(Acquisitions.qNoisyExpectedImprovement(256)).build();
            default -> BayesianOptimization.builder().initialPoints(init).build();
        };
    }
}
