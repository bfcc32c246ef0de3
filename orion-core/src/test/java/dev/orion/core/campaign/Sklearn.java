package dev.orion.core.campaign;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python snippet with scikit-learn ({@code /usr/bin/python3}, Debian package python3-sklearn) and
 * returns the numbers it prints. Skips the calling test when scikit-learn is missing, unless
 * {@code ORION_REQUIRE_ENGINES=1}.
 */
public final class Sklearn {

    private Sklearn() {
    }

    /** Skips (or fails under ORION_REQUIRE_ENGINES=1) when scikit-learn cannot be imported. */
    public static void require() {
        boolean present;
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sklearn").redirectErrorStream(true).start();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            if ("1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
                fail("scikit-learn is missing but ORION_REQUIRE_ENGINES=1 (apt-get install python3-sklearn)");
            }
            Assumptions.abort("scikit-learn is missing; install the Debian package python3-sklearn to run this test");
        }
    }

    /** @param rows a matrix  @return it as a Python list literal */
    public static String literal(double[][] rows) {
        List<String> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(literal(r));
        }
        return "[" + String.join(",", out) + "]";
    }

    /** @param v a vector  @return it as a Python list literal */
    public static String literal(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", v[i]));
        }
        return b.append(']').toString();
    }

    /**
     * @param script Python that prints whitespace-separated numbers
     * @return the numbers
     * @throws IOException if python fails
     * @throws InterruptedException if interrupted
     */
    public static double[] run(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python failed: " + out);
        }
        String[] tokens = out.trim().split("\\s+");
        double[] v = new double[tokens.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(tokens[i]);
        }
        return v;
    }
}
