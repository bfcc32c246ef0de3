package dev.orion.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's structures, jobs, campaigns, review items, LLM calls, audit events and profile edits are out of tenant B's
 * reach through every endpoint: B gets 404 for A's ids, never sees them in a list or an export, and nothing B
 * does changes them.
 */
class TenantIsolationTest extends SampleAppTest {

    private String a;
    private String b;
    private Map<String, String> aIds;

    @BeforeEach
    void tenantAHasOneOfEverything() {
        a = key(freshTenant("alpha"), "*");
        b = key(freshTenant("beta"), "*");
        String structure = uploadCopper(a);
        HttpResponse<String> job = send("POST", "/api/jobs", a, "{\"structureId\":\"" + structure + "\"}");
        assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
        String jobId = json(job).path("id").asText();
        assertThat(json(get("/api/jobs/" + jobId + "?waitSeconds=60", a)).path("status").asText()).isEqualTo("SUCCEEDED");
        HttpResponse<String> campaign = send("POST", "/api/campaigns", a,
                "{\"name\":\"alpha campaign\",\"element\":\"Cu\",\"strategy\":\"sobol\",\"evaluations\":2}");
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        HttpResponse<String> edit = send("PUT", "/api/profiles/assistant", a, "{\"models\":[\"tiny\"]}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(send("POST", "/api/profiles/assistant/test", a, "{\"prompt\":\"hello\"}").statusCode()).isEqualTo(200);
        flushLlmLog();
        String call = json(get("/api/llm/calls", a)).path("items").get(0).path("id").asText();
        String campaignId = json(campaign).path("id").asText();
        HttpResponse<String> review = send("POST", "/api/reviews", a, "{\"campaignId\":\"" + campaignId
                + "\",\"parameters\":{\"a\":3.7},\"reason\":\"suspicious\",\"values\":{\"energy_per_atom\":-3.1}}");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
        aIds = Map.of("structure", structure, "job", jobId, "campaign", campaignId, "call", call,
                "profile", "assistant", "review", json(review).path("id").asText());
    }

    @Test
    void tenantBGets404ForEveryIdOfTenantA() {
        for (Endpoint e : Endpoint.ALL) {
            if (!e.namesOne() || e.path().contains("{profile}")) {
                continue;
            }
            Endpoint filled = e.with(aIds);
            HttpResponse<String> r = send(filled.method(), filled.path(), b, filled.body());
            assertThat(r.statusCode()).as("%s as tenant B: %s", e, r.body()).isEqualTo(404);
        }
        // nor can B flag a candidate of A's campaign
        HttpResponse<String> flag = send("POST", "/api/reviews", b, "{\"campaignId\":\"" + aIds.get("campaign")
                + "\",\"parameters\":{\"a\":3.6},\"reason\":\"b\"}");
        assertThat(flag.statusCode()).as(flag.body()).isEqualTo(404);
    }

    @Test
    void tenantBSeesNoneOfTenantAsDataInAnyListOrExport() {
        List<String> lists = Endpoint.ALL.stream().filter(e -> e.method().equals("GET") && !e.namesOne()).map(Endpoint::path).toList();
        assertThat(lists).hasSizeGreaterThanOrEqualTo(10);
        for (String path : lists) {
            HttpResponse<String> r = get(path, b);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            for (String id : List.of(aIds.get("structure"), aIds.get("job"), aIds.get("campaign"), aIds.get("call"),
                    aIds.get("review"))) {
                assertThat(r.body()).as("%s as tenant B", path).doesNotContain(id);
            }
        }
        // and tenant A does see its own, so the check above can fail
        assertThat(get("/api/structures", a).body()).contains(aIds.get("structure"));
        assertThat(get("/api/jobs", a).body()).contains(aIds.get("job"));
        assertThat(get("/api/campaigns", a).body()).contains(aIds.get("campaign"));
        assertThat(get("/api/reviews", a).body()).contains(aIds.get("review"));
        assertThat(get("/api/llm/calls/export?format=csv", a).body()).contains(aIds.get("call"));
        assertThat(get("/api/audit/export?format=json", a).body()).contains(aIds.get("job"));
    }

    @Test
    void tenantBCanNeitherSeeNorUndoTenantAsProfileEdit() {
        JsonNode seenByB = json(get("/api/profiles/assistant", b));
        assertThat(seenByB.path("overridden").asBoolean()).isFalse();
        assertThat(seenByB.path("models").toString()).isEqualTo("[\"small\",\"tiny\"]");
        // B's own edit and reset touch B's version only
        assertThat(send("PUT", "/api/profiles/assistant", b, "{\"models\":[\"small\"],\"temperature\":0.9}").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/profiles/assistant", b, null).statusCode()).isEqualTo(200);
        JsonNode seenByA = json(get("/api/profiles/assistant", a));
        assertThat(seenByA.path("overridden").asBoolean()).isTrue();
        assertThat(seenByA.path("models").toString()).isEqualTo("[\"tiny\"]");
        // and A's calls still go where A's edit sends them
        assertThat(json(send("POST", "/api/profiles/assistant/test", a, "{\"prompt\":\"again\"}")).path("model").asText())
                .isEqualTo("tiny-model-v1");
        assertThat(json(send("POST", "/api/profiles/assistant/test", b, "{\"prompt\":\"again\"}")).path("model").asText())
                .isEqualTo("small-model-v1");
    }

    @Test
    void nothingTenantBTriesChangesTenantAsData() {
        for (Endpoint e : Endpoint.ALL) {
            if (!e.method().equals("GET") && e.namesOne() && !e.path().contains("{profile}")) {
                Endpoint filled = e.with(aIds);
                send(filled.method(), filled.path(), b, filled.body());
            }
        }
        assertThat(get("/api/structures/" + aIds.get("structure"), a).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/jobs/" + aIds.get("job"), a)).path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode campaign = json(get("/api/campaigns/" + aIds.get("campaign"), a));
        assertThat(campaign.path("evaluations").asInt()).isEqualTo(2);
        // a batch claim of B on A's campaign claims nothing; A's item is still waiting, unclaimed
        HttpResponse<String> batch = send("POST", "/api/reviews/claim", b, "{\"campaignId\":\"" + aIds.get("campaign") + "\"}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat(json(batch)).isEmpty();
        JsonNode review = json(get("/api/reviews/" + aIds.get("review"), a));
        assertThat(review.path("status").asText()).isEqualTo("PENDING");
        assertThat(review.has("reviewer")).isFalse();
        assertThat(json(get("/api/audit?limit=1000", a)).path("items").findValuesAsText("actor"))
                .allSatisfy(actor -> assertThat(actor).doesNotContain(keyIdOf(b)));
    }

    private static String keyIdOf(String secret) {
        // an ORION key is "orion_<tenant>_<id>_<secret>"; audit events name the key id, never the secret
        return secret.split("_")[2];
    }
}
