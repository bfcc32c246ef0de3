package dev.orion.engines.phasefield;

import dev.orion.engine.continuum.DoubleWell;
import dev.orion.engine.PhaseField;
import java.util.SplittableRandom;

/**
 * The Cahn-Hilliard state and its time step: a stabilised semi-implicit Fourier-spectral scheme,
 * the fourth-order term and a linear stabiliser {@code S = max f''} implicit, the rest of the bulk
 * chemical potential explicit:
 * {@code ĉ' = (ĉ (1 + Δt M S k²) - Δt M k² (f'(c))^) / (1 + Δt M S k² + Δt M κ k⁴)}.
 * The k = 0 mode is never changed, so the mean concentration is conserved to round-off.
 */
final class CahnHilliard {

    private final PhaseField p;
    private final DoubleWell f;
    private final int nx;
    private final int ny;
    private final Fft2d fft;
    /** k² at each wave vector, in FFT order. */
    private final double[][] k2;
    private final double[][] c;
    private final double[][] cHatRe;
    private final double[][] cHatIm;
    private final double[][] muRe;
    private final double[][] muIm;

    CahnHilliard(PhaseField p) {
        this.p = p;
        this.f = p.freeEnergy();
        this.nx = p.nx();
        this.ny = p.ny();
        this.fft = new Fft2d(nx, ny);
        this.k2 = new double[ny][nx];
        for (int y = 0; y < ny; y++) {
            double ky = wave(y, ny);
            for (int x = 0; x < nx; x++) {
                double kx = wave(x, nx);
                k2[y][x] = kx * kx + ky * ky;
            }
        }
        this.c = new double[ny][nx];
        SplittableRandom random = new SplittableRandom(p.seed());
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                c[y][x] = p.mean() + p.noise() * (2 * random.nextDouble() - 1);
            }
        }
        this.cHatRe = new double[ny][nx];
        this.cHatIm = new double[ny][nx];
        this.muRe = new double[ny][nx];
        this.muIm = new double[ny][nx];
    }

    private double wave(int i, int n) {
        int m = i <= n / 2 ? i : i - n;
        return 2 * Math.PI * m / (n * p.spacing());
    }

    void step() {
        double dtM = p.timeStep() * p.mobility();
        double s = f.maxCurvature();
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                cHatRe[y][x] = c[y][x];
                cHatIm[y][x] = 0;
                muRe[y][x] = f.derivative(c[y][x]);
                muIm[y][x] = 0;
            }
        }
        fft.forward(cHatRe, cHatIm);
        fft.forward(muRe, muIm);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double k = k2[y][x];
                double keep = 1 + dtM * s * k;
                double denominator = keep + dtM * p.gradientEnergy() * k * k;
                cHatRe[y][x] = (cHatRe[y][x] * keep - dtM * k * muRe[y][x]) / denominator;
                cHatIm[y][x] = (cHatIm[y][x] * keep - dtM * k * muIm[y][x]) / denominator;
            }
        }
        fft.inverse(cHatRe, cHatIm);
        for (int y = 0; y < ny; y++) {
            System.arraycopy(cHatRe[y], 0, c[y], 0, nx);
        }
    }

    /** @return the total free energy: area × (bulk density + κ/2 |∇c|²), the gradient taken spectrally */
    double freeEnergy() {
        double bulk = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                bulk += f.energy(c[y][x]);
                cHatRe[y][x] = c[y][x];
                cHatIm[y][x] = 0;
            }
        }
        fft.forward(cHatRe, cHatIm);
        double gradient = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                gradient += k2[y][x] * (cHatRe[y][x] * cHatRe[y][x] + cHatIm[y][x] * cHatIm[y][x]);
            }
        }
        // Parseval: sum over the grid of |∇c|² = (1/N) sum over k of k² |ĉ|²
        double area = p.spacing() * p.spacing();
        return area * (bulk + 0.5 * p.gradientEnergy() * gradient / (nx * ny));
    }

    double mean() {
        double sum = 0;
        for (double[] row : c) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (nx * ny);
    }

    double[] field() {
        double[] out = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            System.arraycopy(c[y], 0, out, y * nx, nx);
        }
        return out;
    }
}
