package dev.orion.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.OrionException;
import dev.orion.engine.Calculation;
import dev.orion.engine.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * What is stored as a job's input: the calculation, the resources and the content hash; plus the
 * hashing that provenance and result reuse rely on.
 */
record JobInput(Calculation calculation, Resources resources, String contentHash) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("calculation", CalculationJson.toNode(calculation));
        ObjectNode r = n.putObject("resources").put("nodes", resources.nodes()).put("tasks", resources.tasks())
                .put("cpusPerTask", resources.cpusPerTask()).put("timeLimitSeconds", resources.timeLimit().toSeconds());
        resources.memoryMb().ifPresent(m -> r.put("memoryMb", m));
        resources.partition().ifPresent(p -> r.put("partition", p));
        resources.account().ifPresent(a -> r.put("account", a));
        resources.qos().ifPresent(q -> r.put("qos", q));
        n.put("contentHash", contentHash);
        return n.toString();
    }

    /** @param json a stored job input @return its content hash, without reading the calculation */
    static String storedContentHash(String json) {
        try {
            return MAPPER.readTree(json).path("contentHash").asText("");
        } catch (IOException e) {
            throw new OrionException("stored job input is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param json a stored job input
     * @return the cores it asked for (nodes x tasks x CPUs per task), without reading the calculation; 1 if the
     *         input names no resources
     */
    static int storedCores(String json) {
        try {
            JsonNode r = MAPPER.readTree(json).path("resources");
            return Math.max(1, r.path("nodes").asInt(1) * r.path("tasks").asInt(1) * r.path("cpusPerTask").asInt(1));
        } catch (IOException e) {
            throw new OrionException("stored job input is not valid JSON: " + e.getMessage(), e);
        }
    }

    static JobInput fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            JsonNode r = n.get("resources");
            Resources.Builder b = Resources.builder().nodes(r.get("nodes").asInt()).tasks(r.get("tasks").asInt())
                    .cpusPerTask(r.get("cpusPerTask").asInt()).timeLimit(Duration.ofSeconds(r.get("timeLimitSeconds").asLong()));
            if (r.has("memoryMb")) {
                b.memoryMb(r.get("memoryMb").asLong());
            }
            if (r.has("partition")) {
                b.partition(r.get("partition").asText());
            }
            if (r.has("account")) {
                b.account(r.get("account").asText());
            }
            if (r.has("qos")) {
                b.qos(r.get("qos").asText());
            }
            return new JobInput(CalculationJson.readCalculation(n.get("calculation").toString()), b.build(),
                    n.get("contentHash").asText());
        } catch (IOException e) {
            throw new OrionException("stored job input is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The content hash of a calculation on an engine: the calculation (structure, method, settings),
     * the engine's name and version, and the bytes of every file it reads.
     */
    static String contentHash(Calculation c, String engine, String version, List<Path> files) {
        StringBuilder text = new StringBuilder(CalculationJson.write(c)).append('\n').append(engine).append('\n')
                .append(version).append('\n');
        for (Path f : files) {
            text.append(sha256(f)).append('\n');
        }
        return sha256(text.toString());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            int k;
            while ((k = in.read(buf)) > 0) {
                md.update(buf, 0, k);
            }
        } catch (IOException e) {
            throw new OrionException("cannot hash " + file + " for provenance: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
