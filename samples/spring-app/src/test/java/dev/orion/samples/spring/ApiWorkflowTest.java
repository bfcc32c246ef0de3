package dev.orion.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a user of the API does: upload structures, run and follow jobs, run campaigns, review flagged candidates, read usage and the audit log. */
class ApiWorkflowTest extends SampleAppTest {

    @Test
    void uploadListDownloadAndDeleteStructures() throws Exception {
        String key = key(freshTenant("struct"), "*");
        String cu = uploadCopper(key);
        String cif = read(root().resolve("testdata/structures/cif/pymatgen/MgNiF6.cif"));
        String boundary = "----orion-test";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"MgNiF6.cif\"\r\n"
                + "Content-Type: chemical/x-cif\r\n\r\n" + cif + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/structures"))
                .header("X-API-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json(uploaded).path("formula").asText()).isEqualTo("MgNiF6");
        assertThat(json(uploaded).path("name").asText()).isEqualTo("MgNiF6.cif");

        JsonNode copper = json(get("/api/structures/" + cu, key));
        assertThat(copper.path("formula").asText()).isEqualTo("Cu");
        assertThat(copper.path("sites").asInt()).isEqualTo(4);
        assertThat(copper.path("spaceGroup").asInt()).isEqualTo(225);
        assertThat(copper.path("volume").asDouble()).isCloseTo(3.615 * 3.615 * 3.615, org.assertj.core.data.Offset.offset(1e-6));

        assertThat(json(get("/api/structures?elements=Cu", key)).path("items").findValuesAsText("id")).containsExactly(cu);
        // pages of one, newest first, until the cursor runs out
        JsonNode first = json(get("/api/structures?limit=1", key));
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = json(get("/api/structures?limit=1&cursor=" + first.path("next").asText(), key));
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.has("next")).isFalse();
        assertThat(List.of(first.path("items").get(0).path("id").asText(), second.path("items").get(0).path("id").asText()))
                .containsExactlyInAnyOrder(cu, json(uploaded).path("id").asText());

        HttpResponse<String> asCif = get("/api/structures/" + cu + "/file?format=cif", key);
        assertThat(asCif.body()).contains("_cell_length_a").contains("Cu");
        assertThat(get("/api/structures/" + cu + "/file?format=mol2", key).statusCode()).isEqualTo(400);
        assertThat(sendText("/api/structures?fileName=broken.cif", key, "data_x\n_cell_length_a oops\n").statusCode())
                .isIn(400, 422);

        assertThat(send("DELETE", "/api/structures/" + cu, key, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/structures/" + cu, key).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/structures/" + cu, key, null).statusCode()).isEqualTo(404);
    }

    @Test
    void submitFollowAndCancelJobs() {
        String key = key(freshTenant("jobs"), "*");
        String cu = uploadCopper(key);
        JsonNode submitted = json(send("POST", "/api/jobs", key, "{\"structureId\":\"" + cu + "\",\"calculation\":\"single-point\"}"));
        String id = submitted.path("id").asText();
        assertThat(submitted.path("engine").asText()).isEqualTo("orion-eam");
        JsonNode done = json(get("/api/jobs/" + id + "?waitSeconds=60", key));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        // the Cu-Ni EAM potential's cohesive energy of fcc copper at 3.615 Å: about -3.54 eV/atom
        double perAtom = done.path("result").path("energy").asDouble() / done.path("result").path("atoms").asInt();
        assertThat(perAtom).isBetween(-3.6, -3.4);
        assertThat(json(get("/api/jobs?status=SUCCEEDED", key)).path("items").findValuesAsText("id")).contains(id);
        assertThat(json(get("/api/jobs?status=FAILED", key)).path("items")).isEmpty();

        // a relaxation, cancelled at once: it ends CANCELLED (or had already finished)
        String relax = json(send("POST", "/api/jobs", key, "{\"structureId\":\"" + cu + "\",\"calculation\":\"relax\"}"))
                .path("id").asText();
        JsonNode cancelled = json(send("POST", "/api/jobs/" + relax + "/cancel", key, null));
        assertThat(cancelled.path("status").asText()).isIn("CANCELLED", "SUCCEEDED");
        assertThat(json(get("/api/jobs/" + relax + "?waitSeconds=30", key)).path("status").asText()).isIn("CANCELLED", "SUCCEEDED");

        assertThat(send("POST", "/api/jobs", key, "{\"structureId\":\"" + cu + "\",\"potential\":\"../../etc/passwd\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/jobs", key, "{\"structureId\":\"" + cu + "\",\"calculation\":\"md\"}").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/jobs/" + id + "?waitSeconds=-1", key).statusCode()).isEqualTo(400);
    }

    @Test
    void createAndAdvanceACampaignAndPlotIt() {
        String key = key(freshTenant("camp"), "*");
        HttpResponse<String> created = send("POST", "/api/campaigns", key,
                "{\"name\":\"Cu a\",\"element\":\"Cu\",\"strategy\":\"bayesian\",\"seed\":7,\"evaluations\":3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = json(created);
        String id = c.path("id").asText();
        assertThat(c.path("evaluations").asInt()).isEqualTo(3);
        assertThat(c.path("definition").path("strategy").asText()).isEqualTo("bayesian");
        JsonNode advanced = json(send("POST", "/api/campaigns/" + id + "/advance", key, "{\"evaluations\":2}"));
        assertThat(advanced.path("evaluations").asInt()).isEqualTo(5);
        assertThat(advanced.path("iterations").asInt()).isGreaterThan(c.path("iterations").asInt());
        Set<Double> tried = new HashSet<>(advanced.path("observations").findValues("a").stream().map(JsonNode::asDouble).toList());
        assertThat(tried).hasSize(5).allSatisfy(a -> assertThat(a).isBetween(3.40, 3.85));
        // the best lattice parameter of the potential's copper lies near 3.615 Å; five evaluations get within reach
        double best = advanced.path("best").path("values").path("energy_per_atom").asDouble();
        assertThat(best).isLessThan(-3.3);

        HttpResponse<byte[]> plot = exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/campaigns/" + id
                + "/plot.png")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plot.statusCode()).isEqualTo(200);
        assertThat(plot.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(plot.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(send("POST", "/api/campaigns/" + id + "/advance", key, "{\"evaluations\":0}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/campaigns", key, "{\"name\":\"x\",\"element\":\"Au\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aFlaggedCandidateIsClaimedAndCorrectedAndTheCampaignHasTheObservation() {
        String tenant = freshTenant("review");
        String key = key(tenant, "*");
        String other = key(tenant, "reviews:*");
        JsonNode c = json(send("POST", "/api/campaigns", key, "{\"name\":\"Cu review\",\"element\":\"Cu\",\"strategy\":\"sobol\","
                + "\"evaluations\":2}"));
        String campaign = c.path("id").asText();
        assertThat(c.path("evaluations").asInt()).isEqualTo(2);
        HttpResponse<String> flagged = send("POST", "/api/reviews", key, "{\"campaignId\":\"" + campaign
                + "\",\"parameters\":{\"a\":3.7},\"reason\":\"energy looks too high\",\"values\":{\"energy_per_atom\":-2.9}}");
        assertThat(flagged.statusCode()).as(flagged.body()).isEqualTo(201);
        String item = json(flagged).path("id").asText();
        assertThat(json(flagged).path("parameters").path("a").asDouble()).isEqualTo(3.7);
        assertThat(json(flagged).path("status").asText()).isEqualTo("PENDING");
        // outside the campaign's range, or naming another outcome: refused
        assertThat(send("POST", "/api/reviews", key, "{\"campaignId\":\"" + campaign
                + "\",\"parameters\":{\"a\":5.0},\"reason\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/reviews", key, "{\"campaignId\":\"" + campaign
                + "\",\"parameters\":{\"a\":3.6},\"reason\":\"x\",\"values\":{\"band_gap\":1}}").statusCode()).isEqualTo(400);
        assertThat(json(get("/api/reviews?status=PENDING&campaign=" + campaign, key)).path("items").findValuesAsText("id"))
                .containsExactly(item);

        HttpResponse<String> claimed = send("POST", "/api/reviews/" + item + "/claim", key, "{\"ttlMinutes\":10}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        String token = json(claimed).path("token").asText();
        assertThat(json(claimed).path("item").path("status").asText()).isEqualTo("CLAIMED");
        // one reviewer at a time: the second key of the tenant cannot claim it, nor label it with a made-up token
        assertThat(send("POST", "/api/reviews/" + item + "/claim", other, "{}").statusCode()).isEqualTo(409);
        assertThat(json(send("POST", "/api/reviews/claim", other, "{\"campaignId\":\"" + campaign + "\"}"))).isEmpty();
        assertThat(send("POST", "/api/reviews/" + item + "/label", other,
                "{\"token\":\"not-the-token\",\"verdict\":\"ACCEPT\"}").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/reviews/" + item + "/label", key, "{\"token\":\"" + token
                + "\",\"verdict\":\"CORRECT\"}").statusCode()).as("a correction needs values").isEqualTo(400);

        HttpResponse<String> labelled = send("POST", "/api/reviews/" + item + "/label", key, "{\"token\":\"" + token
                + "\",\"verdict\":\"CORRECT\",\"values\":{\"energy_per_atom\":-3.45},\"comment\":\"recomputed\"}");
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);
        assertThat(json(labelled).path("item").path("status").asText()).isEqualTo("LABELLED");
        assertThat(json(labelled).path("item").path("label").path("comment").asText()).isEqualTo("recomputed");
        assertThat(json(labelled).path("observationId").asText()).isNotEmpty();
        assertThat(json(get("/api/reviews?status=PENDING&status=CLAIMED", key)).path("items")).isEmpty();
        assertThat(send("POST", "/api/reviews/" + item + "/label", key, "{\"token\":\"" + token
                + "\",\"verdict\":\"ACCEPT\"}").statusCode()).as("a label is final").isEqualTo(409);
        assertThat(send("POST", "/api/reviews/" + item + "/claim", other, "{}").statusCode()).isEqualTo(409);

        JsonNode after = json(get("/api/campaigns/" + campaign, key));
        assertThat(after.path("evaluations").asInt()).isEqualTo(3);
        JsonNode corrected = null;
        for (JsonNode o : after.path("observations")) {
            if (o.path("parameters").path("a").asDouble() == 3.7) {
                corrected = o;
            }
        }
        assertThat(corrected).as("the campaign's observations: %s", after.path("observations")).isNotNull();
        assertThat(corrected.path("values").path("energy_per_atom").asDouble()).isEqualTo(-3.45);

        // a batch: two more flagged, claimed together, one rejected (a failed observation)
        for (double a : new double[] {3.5, 3.8}) {
            assertThat(send("POST", "/api/reviews", key, "{\"campaignId\":\"" + campaign + "\",\"parameters\":{\"a\":" + a
                    + "},\"reason\":\"batch\"}").statusCode()).isEqualTo(201);
        }
        JsonNode batch = json(send("POST", "/api/reviews/claim", other, "{\"campaignId\":\"" + campaign + "\",\"max\":5}"));
        assertThat(batch).hasSize(2);
        JsonNode first = batch.get(0);
        assertThat(first.path("item").path("parameters").path("a").asDouble()).isEqualTo(3.5);
        HttpResponse<String> rejected = send("POST", "/api/reviews/" + first.path("item").path("id").asText() + "/label", other,
                "{\"token\":\"" + first.path("token").asText() + "\",\"verdict\":\"REJECT\",\"comment\":\"not fcc\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode last = json(get("/api/campaigns/" + campaign, key));
        assertThat(last.path("evaluations").asInt()).isEqualTo(4);
        assertThat(last.path("observations").findValuesAsText("failure")).anySatisfy(f -> assertThat(f).contains("not fcc"));
        assertThat(json(get("/api/reviews?status=LABELLED", key)).path("items")).hasSize(2);
        assertThat(json(get("/api/reviews?status=CLAIMED&limit=1", key)).path("items").get(0).path("reviewer").asText())
                .startsWith("api-key:");
    }

    @Test
    void usageCallsAnalyticsAndTheAuditLogWithFiltersPagesAndExports() {
        String tenant = freshTenant("usage");
        String key = key(tenant, "*");
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/profiles/summariser/test", key, "{\"prompt\":\"summary " + i + "\"}").statusCode()).isEqualTo(200);
        }
        flushLlmLog();
        JsonNode usage = json(get("/api/llm/usage", key));
        assertThat(usage).hasSize(1);
        assertThat(usage.get(0).path("feature").asText()).isEqualTo(ProfilesController.TEST_FEATURE);
        assertThat(usage.get(0).path("calls").asLong()).isEqualTo(3);
        assertThat(usage.get(0).path("tokensOut").asLong()).isEqualTo(21);
        assertThat(usage.get(0).path("tokensIn").asLong()).isEqualTo(36);
        assertThat(json(get("/api/llm/usage?feature=other", key))).isEmpty();

        JsonNode calls = json(get("/api/llm/calls?profile=summariser&limit=2", key));
        assertThat(calls.path("items")).hasSize(2);
        assertThat(calls.path("items").get(0).path("model").asText()).isEqualTo("tiny");
        assertThat(json(get("/api/llm/calls?limit=2&cursor=" + calls.path("next").asText(), key)).path("items")).hasSize(1);
        assertThat(json(get("/api/llm/calls?profile=assistant", key)).path("items")).isEmpty();
        assertThat(json(get("/api/llm/calls?from=2999-01-01T00:00:00Z", key)).path("items")).isEmpty();
        assertThat(get("/api/llm/calls?from=yesterday", key).statusCode()).isEqualTo(400);

        JsonNode byModel = json(get("/api/llm/analytics?groupBy=MODEL", key));
        assertThat(byModel).hasSize(1);
        assertThat(byModel.get(0).path("key").asText()).isEqualTo("tiny");
        assertThat(byModel.get(0).path("calls").asLong()).isEqualTo(3);

        HttpResponse<String> csv = get("/api/llm/calls/export?format=csv", key);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(4).first().asString().startsWith("id,time,");
        assertThat(json(get("/api/llm/usage/export?format=json", key))).hasSize(1);
        assertThat(get("/api/llm/usage/export?format=csv&granularity=MONTH", key).body().lines())
                .containsExactly(UsageSums.CSV_HEADER, java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1)
                        + ",," + ProfilesController.TEST_FEATURE + ",3,0,36,21,0");
        assertThat(get("/api/llm/usage/export?format=xml", key).statusCode()).isEqualTo(400);

        // the audit log: a profile edit and two structures, filtered, paged and exported
        send("PUT", "/api/profiles/summariser", key, "{\"maxTokens\":100}");
        uploadCopper(key);
        uploadCopper(key);
        JsonNode edits = json(get("/api/audit?action=llm.profile.update", key));
        assertThat(edits.path("items")).hasSize(1);
        assertThat(edits.path("items").get(0).path("details").path("maxTokens").asText()).isEqualTo("100");
        JsonNode all = json(get("/api/audit?limit=1000", key));
        int total = all.path("items").size();
        assertThat(total).isGreaterThanOrEqualTo(3);
        JsonNode page1 = json(get("/api/audit?limit=2", key));
        JsonNode page2 = json(get("/api/audit?limit=2&cursor=" + page1.path("next").asText(), key));
        assertThat(page1.path("items").findValuesAsText("id")).doesNotContainAnyElementsOf(page2.path("items").findValuesAsText("id"));
        HttpResponse<String> auditCsv = get("/api/audit/export?format=csv", key);
        assertThat(auditCsv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("audit-" + tenant + ".csv"));
        assertThat(auditCsv.body().lines()).hasSize(total + 1).first().asString().isEqualTo(
                "id,time,tenant,actor,action,resource_type,resource_id,details");
        assertThat(json(get("/api/audit/export?format=json&action=llm.profile.update", key))).hasSize(1);
    }
}
