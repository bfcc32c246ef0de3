package dev.orion.samples.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line pool campaign: JSON lines for a good table, exit status 2 naming row and column for a bad one. */
class PoolCampaignTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return PoolCampaign.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Cu-Ni-Al compositions whose "target" is smallest at Cu2NiAl. */
    Path table() throws Exception {
        StringBuilder csv = new StringBuilder("material,formula,hardness,\"note, free text\"\n");
        int k = 0;
        for (int cu = 0; cu <= 4; cu++) {
            for (int ni = 0; ni <= 4; ni++) {
                for (int al = 0; al <= 2; al++) {
                    if (cu + ni + al == 0) {
                        continue;
                    }
                    String formula = (cu > 0 ? "Cu" + cu : "") + (ni > 0 ? "Ni" + ni : "") + (al > 0 ? "Al" + al : "");
                    double t = Math.pow(cu - 2, 2) + Math.pow(ni - 1, 2) + Math.pow(al - 1, 2);
                    csv.append("m").append(k++).append(',').append(formula).append(',').append(t).append(",\"a, b\"\n");
                }
            }
        }
        return Files.writeString(dir.resolve("pool.csv"), csv.toString());
    }

    @Test
    void printsOneJsonLinePerEvaluationAndASummary() throws Exception {
        int status = run("--pool", table().toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize", "--strategy", "bo", "--init", "6", "--budget", "20", "--batch", "2", "--seed", "3",
                "--out", dir.resolve("out").toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(21);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 20; i++) {
            JsonNode l = lines.get(i);
            assertThat(l.path("n").asInt()).isEqualTo(i + 1);
            assertThat(l.path("id").asText()).startsWith("m");
            best = Math.min(best, l.path("value").asDouble());
            assertThat(l.path("best").asDouble()).isEqualTo(best);
        }
        JsonNode summary = lines.get(20);
        assertThat(summary.path("evaluations").asInt()).isEqualTo(20);
        assertThat(summary.path("stop").asText()).isEqualTo("EVALUATIONS");
        assertThat(summary.path("best").asDouble()).isEqualTo(best).isLessThanOrEqualTo(2.0);
        assertThat(dir.resolve("out").resolve("orion-data")).isDirectory();
        assertThat(Path.of(summary.path("report").asText())).isEqualTo(dir.resolve("out/report.html").toAbsolutePath())
                .content().contains(summary.path("best_id").asText());
    }

    @Test
    void qNeiBatchesSearchThePoolToo() throws Exception {
        int status = run("--pool", table().toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize", "--strategy", "qnei", "--init", "6", "--budget", "15", "--batch", "3", "--seed", "4");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(16);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(JSON.readTree(lines[i]).path("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(JSON.readTree(lines[15]).path("best").asDouble()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void badInputExitsWithStatusTwoNamingTheRowAndColumn() throws Exception {
        Path good = table();
        assertThat(run("--pool", good.toString(), "--id", "material", "--formula", "formula", "--target", "hardnes", "--minimize"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--target names column 'hardnes'");
        err.reset();

        List<String> rows = new ArrayList<>(Files.readAllLines(good));
        rows.set(3, rows.get(3).replaceFirst(",[0-9.]+,", ",soft,"));
        Path badNumber = Files.write(dir.resolve("bad.csv"), rows);
        assertThat(run("--pool", badNumber.toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--maximize")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 4, column hardness: 'soft' is not a finite number");
        err.reset();

        rows = new ArrayList<>(Files.readAllLines(good));
        rows.set(5, rows.get(5).replaceFirst(",[A-Za-z0-9]+,", ",Xq7,"));
        Path badFormula = Files.write(dir.resolve("formula.csv"), rows);
        assertThat(run("--pool", badFormula.toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 6, column formula: 'Xq7' is not a formula");
        err.reset();

        assertThat(run("--pool", good.toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize", "--maximize")).isEqualTo(2);
        assertThat(run("--pool", good.toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize", "--strategy", "magic")).isEqualTo(2);
        assertThat(run("--pool", good.toString(), "--id", "material", "--formula", "formula", "--target", "hardness",
                "--minimize", "--budget", "-3")).isEqualTo(2);
        assertThat(run("--pool", dir.resolve("missing.csv").toString(), "--id", "a", "--formula", "b", "--target", "c",
                "--minimize")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exactly one of --minimize and --maximize",
                "--strategy must be bo", "--budget needs a positive whole number", "cannot read");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
