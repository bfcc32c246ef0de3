package dev.orion.engines.phasefield;

import dev.orion.engine.PhaseField;
import dev.orion.engine.PhaseFieldEquation;
import dev.orion.engine.continuum.DoubleWell;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A phase field and its time step on a periodic 2-D or 3-D grid: a stabilised semi-implicit
 * Fourier-spectral scheme, the gradient term and a linear stabiliser {@code S = max f''} implicit,
 * the rest of the bulk chemical potential explicit. With {@code L(k) = k²} for Cahn-Hilliard and
 * {@code L(k) = 1} for Allen-Cahn:
 * {@code ĉ' = (ĉ (1 + Δt M S L) - Δt M L (f'(c))^) / (1 + Δt M S L + Δt M κ k² L)}.
 * Under Cahn-Hilliard the k = 0 mode never changes, so the mean is conserved to round-off.
 * One complex FFT carries both real fields, {@code c + i f'(c)}, split by the Hermitian symmetry
 * {@code ĉ(k) = (Z(k) + Z(-k)*) / 2}, {@code f'^(k) = (Z(k) - Z(-k)*) / 2i}; the loops and FFT lines
 * are shared among threads with a fixed partition and the sums taken in one fixed order, so results
 * do not depend on the thread count.
 */
final class SpectralModel {

    private final PhaseField p;
    private final DoubleWell f;
    private final LinePartition lanes;
    private final int points;
    private final Fft3d fft;
    /** k² at each wave vector, in FFT order. */
    private final double[] k2;
    private final double[] c;
    private final double[] re;
    private final double[] im;
    private final double[] muRe;
    private final double[] muIm;

    SpectralModel(PhaseField p, LinePartition lanes) {
        this.p = p;
        this.f = p.freeEnergy();
        this.lanes = lanes;
        int nx = p.nx();
        int ny = p.ny();
        int nz = p.nz();
        this.points = nx * ny * nz;
        this.fft = new Fft3d(nx, ny, nz, lanes);
        this.k2 = new double[points];
        for (int z = 0; z < nz; z++) {
            double kz = nz == 1 ? 0 : wave(z, nz);
            for (int y = 0; y < ny; y++) {
                double ky = wave(y, ny);
                for (int x = 0; x < nx; x++) {
                    double kx = wave(x, nx);
                    k2[x + nx * (y + ny * z)] = kx * kx + ky * ky + kz * kz;
                }
            }
        }
        this.c = new double[points];
        if (p.initialField().isEmpty()) {
            SplittableRandom random = new SplittableRandom(p.seed());
            for (int i = 0; i < points; i++) {
                c[i] = p.mean() + p.noise() * (2 * random.nextDouble() - 1);
            }
        } else {
            for (int i = 0; i < points; i++) {
                c[i] = p.initialField().get(i);
            }
        }
        this.re = new double[points];
        this.im = new double[points];
        this.muRe = new double[points];
        this.muIm = new double[points];
    }

    private double wave(int i, int n) {
        int m = i <= n / 2 ? i : i - n;
        return 2 * Math.PI * m / (n * p.spacing());
    }

    void step() {
        lanes.run(points, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                re[i] = c[i];
                im[i] = f.derivative(c[i]);
            }
        });
        fft.forward(re, im);
        int nx = p.nx();
        int ny = p.ny();
        int nz = p.nz();
        lanes.run(ny * nz, (part, from, to) -> {
            for (int row = from; row < to; row++) {
                int y = row % ny;
                int z = row / ny;
                int mirrorRow = (ny - y) % ny + ny * ((nz - z) % nz);
                for (int x = 0; x < nx; x++) {
                    update(x + nx * row, (nx - x) % nx + nx * mirrorRow);
                }
            }
        });
        fft.inverse(muRe, muIm);
        System.arraycopy(muRe, 0, c, 0, points);
    }

    /** Writes the new ĉ at wave vector i into muRe/muIm from Z = FFT(c + i f'(c)) at i and at j = -i. */
    private void update(int i, int j) {
        double dtM = p.timeStep() * p.mobility();
        double k = k2[i];
        double l = p.equation() == PhaseFieldEquation.CAHN_HILLIARD ? k : 1;
        double keep = 1 + dtM * f.maxCurvature() * l;
        double denominator = keep + dtM * p.gradientEnergy() * k * l;
        double cRe = 0.5 * (re[i] + re[j]);
        double cIm = 0.5 * (im[i] - im[j]);
        double muR = 0.5 * (im[i] + im[j]);
        double muI = -0.5 * (re[i] - re[j]);
        muRe[i] = (cRe * keep - dtM * l * muR) / denominator;
        muIm[i] = (cIm * keep - dtM * l * muI) / denominator;
    }

    /** @return the total free energy: cell volume × (bulk density + κ/2 |∇c|²), the gradient taken spectrally */
    double freeEnergy() {
        double bulk = 0;
        for (int i = 0; i < points; i++) {
            bulk += f.energy(c[i]);
        }
        System.arraycopy(c, 0, re, 0, points);
        Arrays.fill(im, 0);
        fft.forward(re, im);
        double gradient = 0;
        for (int i = 0; i < points; i++) {
            gradient += k2[i] * (re[i] * re[i] + im[i] * im[i]);
        }
        // Parseval: sum over the grid of |∇c|² = (1/N) sum over k of k² |ĉ|²
        double cell = Math.pow(p.spacing(), p.is3d() ? 3 : 2);
        return cell * (bulk + 0.5 * p.gradientEnergy() * gradient / points);
    }

    double mean() {
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        return sum / points;
    }

    double[] field() {
        return c.clone();
    }
}
