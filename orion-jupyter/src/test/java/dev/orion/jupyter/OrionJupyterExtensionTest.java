package dev.orion.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.io.Structures;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.Page;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class OrionJupyterExtensionTest {

    private static final String HOSTILE = "<script>alert('x')</script>";

    private Renderer renderer;

    @BeforeEach
    void register() {
        renderer = new Renderer();
        OrionJupyterExtension.registerAll(renderer);
    }

    private static Structure copper() {
        return Structure.builder().lattice(Lattice.cubic(3.615))
                .addSite(Element.Cu, 0, 0, 0).addSite(Element.Cu, 0.5, 0.5, 0)
                .addSite(Element.Cu, 0.5, 0, 0.5).addSite(Element.Cu, 0, 0.5, 0.5).build();
    }

    private static String html(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_HTML);
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void jjavaFindsTheExtensionThroughTheServiceFile() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(p -> p.type().getName()))
                .contains(OrionJupyterExtension.class.getName());
    }

    @Test
    void aStructureIsATableOfLatticeAndSitesBesideAProjectionOfTheCell() throws IOException {
        Structure s = Structures.read(Path.of(System.getProperty("orion.testdata"), "structures/cif/pymatgen/MgNiF6.cif"));
        DisplayData out = renderer.render(s);
        String html = html(out);
        assertThat(html).contains("<table class=\"orion-structure\"", "<caption>Structure MgNiF6</caption>",
                "<table class=\"orion-sites\"");
        assertThat(count(html.substring(html.indexOf("orion-sites")), "<tr><td>")).isEqualTo(s.size());
        assertThat(out.getData(MIMEType.TEXT_PLAIN)).isEqualTo(s.toString());

        Matcher png = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertThat(png.find()).isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertThat(image.getWidth()).isEqualTo(StructureProjection.SIZE);
        int fluorine = StructureProjection.colour(Element.F).getRGB();
        boolean drawn = false;
        for (int x = 0; x < image.getWidth() && !drawn; x++) {
            for (int y = 0; y < image.getHeight() - 24 && !drawn; y++) {
                drawn = image.getRGB(x, y) == fluorine;
            }
        }
        assertThat(drawn).as("a fluorine atom is drawn in its colour above the legend").isTrue();
    }

    @Test
    void aLargeStructureShowsItsFirstSitesAndSaysHowManyMore() {
        Structure big = copper().supercell(4, 4, 4);
        String html = html(renderer.render(big));
        assertThat(count(html.substring(html.indexOf("orion-sites")), "<tr><td>")).isEqualTo(StructureHtml.MAX_SITE_ROWS);
        assertThat(html).contains((big.size() - StructureHtml.MAX_SITE_ROWS) + " more sites not shown");
    }

    @Test
    void hostileNamesAndLabelsAreEscapedNeverMarkup() {
        Structure s = copper().newBuilder().property("name", HOSTILE).label(0, "<img src=x onerror=alert(1)>").build();
        String html = html(renderer.render(s));
        assertThat(html).doesNotContain("<script", "<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void compositionSymmetryAndNeighboursAreTables() {
        Structure cu = copper();
        String composition = html(renderer.render(Composition.parse("LiCoO2")));
        assertThat(composition).contains("orion-composition", "<td>Li</td>", "<td>Co</td>", "<td>O</td>");

        String symmetry = html(renderer.render(Symmetry.of(cu)));
        assertThat(symmetry).contains("Fm-3m (No. 225)", "<td>operations</td><td>192</td>", "orion-wyckoff");

        String neighbours = html(renderer.render(Neighbors.full(cu, 3.0)));
        assertThat(neighbours).contains("orion-neighbors", "<td>coordination min / mean / max</td><td>12 / 12.0000 / 12</td>",
                "<td>shortest distance (Å)</td><td>2.5562</td>");
    }

    @Test
    void aPageOfLlmCallsIsOneRowPerCallWithTheTotalCost() {
        List<LlmCallRecord> calls = List.of(call("1", "gpt-4o", "0.0020", null), call("2", HOSTILE, "0.0030", "boom <b>"));
        String html = html(renderer.render(new Page<>(calls, Optional.of("cursor"))));
        assertThat(html).contains("orion-llm-calls", "LLM calls: 2 items (more on the next page)", "total cost 0.0050",
                "&lt;script&gt;", "boom &lt;b&gt;").doesNotContain("<script", "<b>");
        assertThat(count(html, "<tr><td>")).isEqualTo(2);
    }

    @Test
    void jobAndCampaignRecordsAreTables() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        JobRecord job = new JobRecord("job-1", Optional.empty(), "orion-eam", "local", "{}", Optional.empty(),
                Optional.empty(), JobStatus.FAILED, Optional.empty(), Optional.empty(), Optional.of("lmp: <crashed>"),
                t, t, Optional.of(t), Optional.of(t), 1);
        assertThat(html(renderer.render(job))).contains("orion-jobs", "<td>orion-eam</td>", "<td>FAILED</td>",
                "lmp: &lt;crashed&gt;");
        CampaignRecord campaign = new CampaignRecord("c-1", Optional.empty(), "alloys", "{}", CampaignStatus.COMPLETED,
                12, t, t, 3);
        assertThat(html(renderer.render(campaign))).contains("orion-campaigns", "<td>alloys</td>", "<td>12</td>");
        assertThat(html(renderer.render(new Page<>(List.of(job, job), Optional.empty()))))
                .contains("Jobs: 2 items");
    }

    @Test
    void anXChartChartIsSvgAndPngOfItsOwnSize() throws IOException {
        XYChart chart = new XYChartBuilder().width(400).height(300).title("energy " + HOSTILE).xAxisTitle("step")
                .yAxisTitle("E (eV)").build();
        chart.addSeries("relaxation", new double[] {0, 1, 2}, new double[] {-3.0, -3.4, -3.5});
        DisplayData out = renderer.render(chart);
        String svg = (String) out.getData(MIMEType.IMAGE_SVG);
        // XChart draws text as outlines: a hostile title becomes paths, never markup
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 400 300\"", "<path").doesNotContain("<script");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode((String) out.getData(MIMEType.IMAGE_PNG))));
        assertThat(png.getWidth()).isEqualTo(400);
        assertThat(png.getHeight()).isEqualTo(300);
        assertThat((String) out.getData(MIMEType.TEXT_PLAIN)).isEqualTo("XYChart 'energy " + HOSTILE + "' (1 series)");
    }

    @Test
    void aPageOfOtherValuesListsTheirEscapedText() {
        String html = html(renderer.render(new Page<>(List.of(HOSTILE, 42), Optional.empty())));
        assertThat(html).contains("orion-page", "2 items", "<td>42</td>", "&lt;script&gt;").doesNotContain("<script");
        assertThat(html(renderer.render(new Page<>(List.of(), Optional.empty())))).contains("0 items");
    }

    @Test
    void aNeighbourListWithoutPairsSaysSo() {
        String html = html(renderer.render(Neighbors.full(copper(), 1.0)));
        assertThat(html).contains("<td>pairs</td><td>0</td>", "<td>shortest distance (Å)</td><td>no pairs</td>",
                "<td>coordination min / mean / max</td><td>0 / 0.0000 / 0</td>", "<td>0</td><td>0</td><td>-</td>");
    }

    @Test
    void otherObjectsKeepTheirPlainText() {
        DisplayData out = renderer.render(List.of(1, 2));
        assertThat(out.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(out.getData(MIMEType.TEXT_PLAIN)).isEqualTo("[1, 2]");
    }

    private static LlmCallRecord call(String id, String model, String cost, String error) {
        LlmCall.Builder b = LlmCall.builder().profile("advisor").provider("openai").model(model).tokensIn(100)
                .tokensOut(20).cost(new BigDecimal(cost)).latency(Duration.ofMillis(250))
                .outcome(error == null ? LlmCallOutcome.SUCCESS : LlmCallOutcome.ERROR)
                .time(Instant.parse("2026-01-01T00:00:00Z"));
        if (error != null) {
            b.error(error);
        }
        return new LlmCallRecord(id, b.build());
    }
}
