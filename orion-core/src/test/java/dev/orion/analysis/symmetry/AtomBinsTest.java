package dev.orion.analysis.symmetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binned search of large cells finds exactly what the linear scan finds. */
class AtomBinsTest {

    @Test
    void binnedSearchEqualsLinearScanInSkewedCells() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 20; trial++) {
            double[] lattice = {
                3 + 5 * rnd.nextDouble(), 0, 0,
                rnd.nextDouble() * 3 - 1.5, 3 + 5 * rnd.nextDouble(), 0,
                rnd.nextDouble() * 3 - 1.5, rnd.nextDouble() * 3 - 1.5, 3 + 5 * rnd.nextDouble()};
            int n = 60 + rnd.nextInt(300);
            double[] pos = new double[3 * n];
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    pos[3 * i + c] = rnd.nextDouble();
                }
                types[i] = rnd.nextInt(3);
            }
            Cell cell = new Cell(lattice, pos, types);
            double tol = 0.05 + 0.4 * rnd.nextDouble();
            AtomBins bins = new AtomBins(cell, tol * tol);
            for (int q = 0; q < 300; q++) {
                int k = rnd.nextInt(n);
                // points near an atom (sometimes across the cell boundary) and random points
                double x = pos[3 * k] + (rnd.nextDouble() - 0.5) * 0.1 + (rnd.nextBoolean() ? 1 : 0);
                double y = pos[3 * k + 1] + (rnd.nextDouble() - 0.5) * 0.1 - (rnd.nextBoolean() ? 1 : 0);
                double z = q % 3 == 0 ? rnd.nextDouble() : pos[3 * k + 2] + (rnd.nextDouble() - 0.5) * 0.1;
                int type = types[k];
                int linear = -1;
                for (int j = 0; j < n && linear < 0; j++) {
                    if (types[j] == type && cell.distanceSquared(x - pos[3 * j], y - pos[3 * j + 1], z - pos[3 * j + 2]) < tol * tol) {
                        linear = j;
                    }
                }
                int binned = bins.find(cell, x, y, z, type, tol * tol);
                assertThat(binned >= 0).as("trial %d query %d", trial, q).isEqualTo(linear >= 0);
                if (binned >= 0) {
                    assertThat(cell.distanceSquared(x - pos[3 * binned], y - pos[3 * binned + 1], z - pos[3 * binned + 2]))
                            .isLessThan(tol * tol);
                }
            }
        }
    }
}
