package dev.orion.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Objective;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartFilesTest {

    private final XYChart chart = Plots.convergence(Objective.minimize("energy"), new double[] {3, 2, 1});

    @Test
    void writesAPngOfTheChartsSizeAndAnSvgDocument(@TempDir Path dir) throws Exception {
        Path png = ChartFiles.writePng(chart, dir.resolve("best.png"));
        Path svg = ChartFiles.writeSvg(chart, dir.resolve("best.svg"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(chart.getWidth());
        assertThat(image.getHeight()).isEqualTo(chart.getHeight());
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "width=\"" + chart.getWidth() + "\"");
        String uri = ChartFiles.pngDataUri(chart);
        assertThat(uri).startsWith("data:image/png;base64,");
        BufferedImage inline = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring(22))));
        assertThat(inline.getWidth()).isEqualTo(chart.getWidth());
    }

    @Test
    void aFolderThatDoesNotExistIsAnErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no/such/best.png");
        assertThatThrownBy(() -> ChartFiles.writePng(chart, missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }
}
