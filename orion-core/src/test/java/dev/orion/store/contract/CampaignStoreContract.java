package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.CampaignStore;
import dev.orion.store.ConflictException;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.JobStore;
import dev.orion.store.JobTransition;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewJob;
import dev.orion.store.NewObservation;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.PageRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.CampaignStore}: sequential iterations, observations. */
public abstract class CampaignStoreContract extends ContractSupport {
    @Test
    void campaignIterationsAreSequentialAndObservationsPage() {
        CampaignStore cs = newTenant().campaigns();
        CampaignRecord c = cs.create(NewCampaign.of("cathodes", "{\"objective\":\"max\"}"));
        assertThat(cs.updateStatus(c.id(), CampaignStatus.RUNNING).status()).isEqualTo(CampaignStatus.RUNNING);
        cs.recordIteration(c.id(), 0, "{\"gp\":0}");
        cs.recordIteration(c.id(), 1, "{\"gp\":1}");
        assertThatThrownBy(() -> cs.recordIteration(c.id(), 1, "{}")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cs.recordIteration(c.id(), 5, "{}")).isInstanceOf(ConflictException.class);
        assertThat(cs.iterations(c.id())).extracting(i -> i.index()).containsExactly(0, 1);
        assertThat(cs.latestIteration(c.id()).orElseThrow().stateJson()).isEqualTo("{\"gp\":1}");
        assertThat(cs.find(c.id()).orElseThrow().iterations()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            cs.addObservation(c.id(), NewObservation.of(1, "{\"x\":" + i + "}", Map.of("voltage", 3.0 + i)));
        }
        var first = cs.observations(c.id(), PageRequest.first(3));
        assertThat(first.items()).hasSize(3);
        var second = cs.observations(c.id(), first.next(PageRequest.first(3)));
        assertThat(second.items()).extracting(ObservationRecord::values).containsExactly(Map.of("voltage", 6.0), Map.of("voltage", 7.0));
        assertThat(second.hasNext()).isFalse();
        assertThatThrownBy(() -> cs.addObservation("missing", NewObservation.of(0, "{}", Map.of()))).isInstanceOf(NotFoundException.class);
        assertThat(cs.query(CampaignFilter.all().withStatus(CampaignStatus.RUNNING), PageRequest.first(10)).items()).hasSize(1);
        assertThat(cs.query(CampaignFilter.all().withStatus(CampaignStatus.PAUSED), PageRequest.first(10)).items()).isEmpty();
    }
}
