package dev.orion.core.campaign.internal;

import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/** Space-filling designs in the unit cube: randomly shifted Sobol points and Latin hypercubes. */
public final class QuasiRandom {

    private QuasiRandom() {
    }

    /**
     * Sobol points (Joe-Kuo direction numbers, via Hipparchus) with a random Cranley-Patterson shift, so
     * different seeds give different designs of the same quality.
     *
     * @param count     how many points
     * @param dimension the cube's dimension (1-1000)
     * @param skip      how many points of the sequence to skip (a campaign's earlier draws)
     * @param seed      the seed of the shift
     * @return the points
     */
    public static double[][] sobol(int count, int dimension, int skip, long seed) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
        // Hipparchus omits the sequence's first point (the origin): after skipTo(k) it returns point k + 1
        generator.skipTo(Math.max(0, skip - 1));
        SplittableRandom random = new SplittableRandom(seed);
        double[] shift = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            shift[j] = random.nextDouble();
        }
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            double[] p = skip + i == 0 ? new double[dimension] : generator.nextVector();
            for (int j = 0; j < dimension; j++) {
                p[j] = (p[j] + shift[j]) % 1.0;
            }
            out[i] = p;
        }
        return out;
    }

    /**
     * @param count     how many points (one per stratum of every coordinate)
     * @param dimension the cube's dimension
     * @param seed      the seed
     * @return a Latin hypercube: each coordinate has exactly one point in each of {@code count} strata
     */
    public static double[][] latinHypercube(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[count][dimension];
        int[] perm = new int[count];
        for (int j = 0; j < dimension; j++) {
            for (int i = 0; i < count; i++) {
                perm[i] = i;
            }
            for (int i = count - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < count; i++) {
                out[i][j] = (perm[i] + random.nextDouble()) / count;
            }
        }
        return out;
    }

    /**
     * @param count     how many points
     * @param dimension the dimension
     * @param random    the source
     * @return independent uniform points
     */
    public static double[][] uniform(int count, int dimension, SplittableRandom random) {
        double[][] out = new double[count][dimension];
        for (double[] p : out) {
            for (int j = 0; j < dimension; j++) {
                p[j] = random.nextDouble();
            }
        }
        return out;
    }
}
