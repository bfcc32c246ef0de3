package dev.orion.engines.phasefield;

import dev.orion.engine.continuum.PhaseFieldResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A picture of a phase field: the final field of a 2-D grid (the middle layer of a 3-D one) as a
 * PNG, one pixel per grid point scaled up to at least 256 pixels a side, coloured from blue (the
 * field's smallest value) through white to red (its largest), y upwards.
 */
final class FieldImage {

    private FieldImage() {
    }

    static void write(PhaseFieldResult r, Path png) {
        int z = r.nz() / 2;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int y = 0; y < r.ny(); y++) {
            for (int x = 0; x < r.nx(); x++) {
                double v = r.at(x, y, z);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int scale = Math.max(1, 256 / Math.max(r.nx(), r.ny()));
        BufferedImage image = new BufferedImage(r.nx() * scale, r.ny() * scale, BufferedImage.TYPE_INT_RGB);
        double span = max > min ? max - min : 1;
        for (int y = 0; y < r.ny(); y++) {
            for (int x = 0; x < r.nx(); x++) {
                int rgb = colour((r.at(x, y, z) - min) / span);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, (r.ny() - 1 - y) * scale + dy, rgb);
                    }
                }
            }
        }
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** @param t in [0, 1]  @return blue-white-red */
    static int colour(double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(255 * Math.min(1, 2 * u));
        int b = (int) Math.round(255 * Math.min(1, 2 * (1 - u)));
        int g = (int) Math.round(255 * (1 - Math.abs(2 * u - 1)));
        return (r << 16) | (g << 8) | b;
    }
}
