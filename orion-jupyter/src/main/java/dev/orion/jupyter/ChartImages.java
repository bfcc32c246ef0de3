package dev.orion.jupyter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Any XChart chart (XY, category, pie, ...) as PNG and as SVG, for notebook outputs. */
final class ChartImages {

    private ChartImages() {
    }

    /** @return the chart as a PNG, base64-encoded as Jupyter's {@code image/png} wants it */
    static String pngBase64(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    /**
     * @return the chart as an SVG element, without the XML declaration and DOCTYPE that VectorGraphics2D
     *         writes: notebooks inline SVG into HTML, where a declaration is an error (nbconvert refuses it)
     */
    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart '" + chart.getTitle() + "' as SVG", e);
        }
        String document = out.toString(StandardCharsets.UTF_8);
        int start = document.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("XChart wrote no <svg> element for chart '" + chart.getTitle() + "'");
        }
        return document.substring(start);
    }
}
