package dev.orion.core.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes XChart charts (those of {@link Plots} or any other) as PNG or SVG files, bytes or text, and as the
 * {@code data:} URI an HTML page or a notebook can inline.
 *
 * <pre>{@code
 * ChartFiles.writePng(chart, Path.of("report/best.png"));
 * String html = "<img src=\"" + ChartFiles.pngDataUri(chart) + "\">";
 * }</pre>
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * @param chart the chart
     * @return the chart as a PNG image
     * @throws UncheckedIOException if the image cannot be encoded
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(Objects.requireNonNull(chart, "chart"), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    /**
     * @param chart the chart
     * @return the chart as an SVG document
     * @throws UncheckedIOException if the document cannot be written
     */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(Objects.requireNonNull(chart, "chart"), out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return {@code data:image/png;base64,...} of the chart's PNG, for an {@code <img src>} */
    public static String pngDataUri(Chart<?, ?> chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }

    /**
     * @param chart the chart
     * @param file  the file to write (its folder must exist); the name is kept as given
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writePng(Chart<?, ?> chart, Path file) {
        return write(file, png(chart));
    }

    /**
     * @param chart the chart
     * @param file  the file to write (its folder must exist); the name is kept as given
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writeSvg(Chart<?, ?> chart, Path file) {
        return write(file, svg(chart).getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(Objects.requireNonNull(file, "file"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
