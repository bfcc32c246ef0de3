package dev.orion.samples.spring;

import java.util.List;
import java.util.Map;

/**
 * Every endpoint of the sample's API, with the scope it needs, for the tests that must cover all of them
 * (401 without a key, tenant isolation). Paths name other resources by placeholders ({@code {structure}},
 * {@code {job}}, {@code {campaign}}, {@code {call}}, {@code {profile}}, {@code {review}}).
 *
 * @param method the HTTP method
 * @param path   the path, with placeholders
 * @param body   a JSON body for writes, or null
 */
record Endpoint(String method, String path, String body) {

    static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/api/structures", null),
            new Endpoint("POST", "/api/structures?fileName=POSCAR", null),
            new Endpoint("GET", "/api/structures/{structure}", null),
            new Endpoint("GET", "/api/structures/{structure}/file?format=cif", null),
            new Endpoint("DELETE", "/api/structures/{structure}", null),
            new Endpoint("GET", "/api/jobs", null),
            new Endpoint("POST", "/api/jobs", "{\"structureId\":\"{structure}\"}"),
            new Endpoint("GET", "/api/jobs/{job}", null),
            new Endpoint("POST", "/api/jobs/{job}/cancel", null),
            new Endpoint("GET", "/api/campaigns", null),
            new Endpoint("POST", "/api/campaigns", "{\"name\":\"c\",\"element\":\"Cu\",\"evaluations\":1}"),
            new Endpoint("GET", "/api/campaigns/{campaign}", null),
            new Endpoint("POST", "/api/campaigns/{campaign}/advance", "{\"evaluations\":1}"),
            new Endpoint("GET", "/api/campaigns/{campaign}/plot.png", null),
            new Endpoint("GET", "/api/llm/calls", null),
            new Endpoint("GET", "/api/llm/calls/{call}", null),
            new Endpoint("GET", "/api/llm/calls/export?format=csv", null),
            new Endpoint("GET", "/api/llm/usage", null),
            new Endpoint("GET", "/api/llm/usage/export?format=json", null),
            new Endpoint("GET", "/api/llm/analytics?groupBy=MODEL", null),
            new Endpoint("GET", "/api/audit", null),
            new Endpoint("GET", "/api/audit/export?format=csv", null),
            new Endpoint("GET", "/api/profiles", null),
            new Endpoint("GET", "/api/profiles/{profile}", null),
            new Endpoint("PUT", "/api/profiles/{profile}", "{\"temperature\":0.5}"),
            new Endpoint("DELETE", "/api/profiles/{profile}", null),
            new Endpoint("POST", "/api/profiles/{profile}/test", "{\"prompt\":\"hi\"}"),
            new Endpoint("GET", "/api/reviews", null),
            new Endpoint("POST", "/api/reviews", "{\"campaignId\":\"{campaign}\",\"parameters\":{\"a\":3.6},\"reason\":\"r\"}"),
            new Endpoint("GET", "/api/reviews/{review}", null),
            new Endpoint("POST", "/api/reviews/{review}/claim", "{}"),
            new Endpoint("POST", "/api/reviews/claim", "{\"campaignId\":\"{campaign}\",\"max\":5}"),
            new Endpoint("POST", "/api/reviews/{review}/label", "{\"token\":\"t\",\"verdict\":\"ACCEPT\"}"));

    /** @return the scope the API-key filter asks for: the first segment after /api, read for GET */
    String scope() {
        String resource = path.substring("/api/".length()).split("[/?]")[0];
        return resource + ":" + ("GET".equals(method) ? "read" : "write");
    }

    /** @return whether the path names one resource (then another tenant's id must be answered 404) */
    boolean namesOne() {
        return path.contains("{");
    }

    /** @param ids placeholder values @return this endpoint with them filled in */
    Endpoint with(Map<String, String> ids) {
        String p = path;
        String b = body;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
            b = b == null ? null : b.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new Endpoint(method, p, b);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
