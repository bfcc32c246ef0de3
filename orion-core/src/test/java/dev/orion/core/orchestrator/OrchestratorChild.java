package dev.orion.core.orchestrator;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Observation;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.Optional;

/**
 * The orchestrator instance that {@link OrchestratorTest} kills: a separate JVM that takes the campaign's
 * lease and starts an iteration whose evaluations never finish, renewing the lease until the process is killed.
 * Arguments: JDBC URL, user, password, tenant, campaign id.
 */
public final class OrchestratorChild {

    private OrchestratorChild() {
    }

    public static void main(String[] args) {
        Evaluator endless = new Evaluator() {
            @Override
            public String name() {
                return QuadraticCampaign.EVALUATOR;
            }

            @Override
            public EvaluationTicket submit(Candidate candidate) {
                return new EvaluationTicket(candidate, candidate.id());
            }

            @Override
            public Optional<Observation> poll(EvaluationTicket ticket) {
                return Optional.empty();
            }
        };
        Orion orion = Orion.builder().store(Stores.postgres(args[0], args[1], args[2])).build();
        TenantId tenant = TenantId.of(args[3]);
        Orchestrator child = Orchestrator.builder(orion).owner("child").leaseTtl(Duration.ofSeconds(2)).build()
                .register(tenant, args[4], QuadraticCampaign.step(orion.tenant(tenant), endless));
        child.runNow(tenant, args[4]);
    }
}
