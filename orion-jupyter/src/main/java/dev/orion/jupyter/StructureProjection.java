package dev.orion.jupyter;

import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * A static picture of a crystal, drawn offline with Java2D: the unit cell and its atoms seen along a
 * slightly tilted direction (so that a cubic cell shows its depth), atoms as discs sized by covalent
 * radius and coloured as Jmol colours them, nearer atoms drawn over farther ones, with a legend.
 */
final class StructureProjection {

    static final int SIZE = 320;
    private static final int LEGEND = 28;
    private static final int PAD = 8;
    /** Atoms beyond this many are drawn as points: a picture of a large cell is a density map, not atoms. */
    private static final int MAX_DISCS = 2000;
    private static final double TILT_X = Math.toRadians(-18);
    private static final double TILT_Y = Math.toRadians(28);
    private static final Map<Element, Color> JMOL = Map.ofEntries(
            Map.entry(Element.H, new Color(255, 255, 255)), Map.entry(Element.Li, new Color(204, 128, 255)),
            Map.entry(Element.C, new Color(144, 144, 144)), Map.entry(Element.N, new Color(48, 80, 248)),
            Map.entry(Element.O, new Color(255, 13, 13)), Map.entry(Element.F, new Color(144, 224, 80)),
            Map.entry(Element.Na, new Color(171, 92, 242)), Map.entry(Element.Mg, new Color(138, 255, 0)),
            Map.entry(Element.Al, new Color(191, 166, 166)), Map.entry(Element.Si, new Color(240, 200, 160)),
            Map.entry(Element.P, new Color(255, 128, 0)), Map.entry(Element.S, new Color(255, 255, 48)),
            Map.entry(Element.Cl, new Color(31, 240, 31)), Map.entry(Element.K, new Color(143, 64, 212)),
            Map.entry(Element.Ca, new Color(61, 255, 0)), Map.entry(Element.Ti, new Color(191, 194, 199)),
            Map.entry(Element.Fe, new Color(224, 102, 51)), Map.entry(Element.Co, new Color(240, 144, 160)),
            Map.entry(Element.Ni, new Color(80, 208, 80)), Map.entry(Element.Cu, new Color(200, 128, 51)),
            Map.entry(Element.Zn, new Color(125, 128, 176)), Map.entry(Element.Ga, new Color(194, 143, 143)),
            Map.entry(Element.As, new Color(189, 128, 227)), Map.entry(Element.Sr, new Color(0, 255, 0)),
            Map.entry(Element.Ag, new Color(192, 192, 192)), Map.entry(Element.Ba, new Color(0, 201, 0)),
            Map.entry(Element.Pt, new Color(208, 208, 224)), Map.entry(Element.Au, new Color(255, 209, 35)),
            Map.entry(Element.Pb, new Color(87, 89, 97)));

    private StructureProjection() {
    }

    /** @return the picture as a PNG, base64-encoded for a {@code data:} URI */
    static String pngBase64(Structure s) {
        return Base64.getEncoder().encodeToString(png(s));
    }

    /** @return the picture as PNG bytes */
    static byte[] png(Structure s) {
        BufferedImage image = draw(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the projection of " + s.formula() + " as PNG", e);
        }
        return out.toByteArray();
    }

    static BufferedImage draw(Structure s) {
        double[][] m = s.lattice().matrix();
        double[][] corners = new double[8][];
        for (int i = 0; i < 8; i++) {
            corners[i] = rotate(cart(m, i & 1, (i >> 1) & 1, (i >> 2) & 1));
        }
        double[][] atoms = new double[s.size()][];
        for (int i = 0; i < s.size(); i++) {
            atoms[i] = rotate(s.cartesian(i));
        }
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : concat(corners, atoms)) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        // room for the largest disc (radius half the covalent radius) around the cell and its atoms
        double margin = 0.6 + 0.5 * s.composition().elements().stream()
                .mapToDouble(e -> e.covalentRadius().orElse(1.0)).max().orElse(1.0);
        int height = SIZE - LEGEND;
        double scale = Math.min((SIZE - 2 * PAD) / (maxX - minX + 2 * margin), (height - 2 * PAD) / (maxY - minY + 2 * margin));
        // centre the drawing in the area above the legend
        double ox = SIZE / 2.0 / scale - (minX + maxX) / 2;
        double oy = height / 2.0 / scale + (minY + maxY) / 2;

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1.2f));
            for (int i = 0; i < 8; i++) {
                for (int bit = 1; bit < 8; bit <<= 1) {
                    if ((i & bit) == 0) {
                        double[] a = corners[i];
                        double[] b = corners[i | bit];
                        g.draw(new Line2D.Double((a[0] + ox) * scale, (oy - a[1]) * scale,
                                (b[0] + ox) * scale, (oy - b[1]) * scale));
                    }
                }
            }
            boolean discs = s.size() <= MAX_DISCS;
            List<Integer> order = IntStream.range(0, s.size()).boxed()
                    .sorted(Comparator.comparingDouble(i -> atoms[i][2])).toList();
            for (int i : order) {
                Element e = s.site(i).mainSpecies().element();
                double r = discs ? 0.5 * e.covalentRadius().orElse(1.0) * scale : 1.0;
                double x = (atoms[i][0] + ox) * scale;
                double y = (oy - atoms[i][1]) * scale;
                Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
                g.setColor(colour(e));
                g.fill(disc);
                if (discs) {
                    g.setColor(Color.DARK_GRAY);
                    g.draw(disc);
                }
            }
            legend(g, s);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void legend(Graphics2D g, Structure s) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = 8;
        for (Element e : s.composition().elements()) {
            g.setColor(colour(e));
            g.fillOval(x, SIZE - 20, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawOval(x, SIZE - 20, 12, 12);
            g.drawString(e.symbol(), x + 15, SIZE - 10);
            x += 22 + g.getFontMetrics().stringWidth(e.symbol());
        }
    }

    static Color colour(Element e) {
        Color c = JMOL.get(e);
        return c != null ? c : Color.getHSBColor((e.z() * 0.618034f) % 1f, 0.55f, 0.85f);
    }

    private static double[] cart(double[][] m, int i, int j, int k) {
        return new double[] {
            i * m[0][0] + j * m[1][0] + k * m[2][0],
            i * m[0][1] + j * m[1][1] + k * m[2][1],
            i * m[0][2] + j * m[1][2] + k * m[2][2]};
    }

    /** Rotates about y, then about x; z of the result is the depth towards the viewer. */
    private static double[] rotate(double[] p) {
        double x1 = p[0] * Math.cos(TILT_Y) + p[2] * Math.sin(TILT_Y);
        double z1 = -p[0] * Math.sin(TILT_Y) + p[2] * Math.cos(TILT_Y);
        double y2 = p[1] * Math.cos(TILT_X) - z1 * Math.sin(TILT_X);
        double z2 = p[1] * Math.sin(TILT_X) + z1 * Math.cos(TILT_X);
        return new double[] {x1, y2, z2};
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
