package dev.orion.engine;

import dev.orion.structure.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plane-wave DFT settings for Quantum ESPRESSO's pw.x. Build with {@link #builder(Path)}.
 *
 * @param pseudopotentialDir folder holding the pseudopotentials (e.g. {@code /usr/share/espresso/pseudo})
 * @param pseudopotentials   file name per element; elements not listed are found in the folder by
 *                           name ({@code Si.pz-vbc.UPF} for Si: the first file, in name order, that
 *                           starts with the symbol and a non-letter)
 * @param ecutwfcRy          wavefunction cut-off in Ry
 * @param ecutrhoRy          charge-density cut-off in Ry (default 4 x ecutwfc, right for norm-conserving)
 * @param kGrid              an explicit Monkhorst-Pack grid, or empty to derive it from {@code kSpacing}
 * @param kSpacing           k-point spacing in Å⁻¹ (2π included): n_i = max(1, ceil(|b_i| / kSpacing))
 * @param smearing           smearing for metals, empty for insulators (fixed occupations)
 * @param convThrRy          SCF convergence threshold in Ry
 * @param maxScfSteps        most SCF iterations ({@code electron_maxstep})
 */
public record DftParameters(Path pseudopotentialDir, Map<Element, String> pseudopotentials, double ecutwfcRy,
                            double ecutrhoRy, Optional<List<Integer>> kGrid, double kSpacing,
                            Optional<Smearing> smearing, double convThrRy, int maxScfSteps) implements Method {

    /** Validates and copies. */
    public DftParameters {
        Objects.requireNonNull(pseudopotentialDir, "pseudopotentialDir");
        pseudopotentials = Map.copyOf(pseudopotentials);
        positive("ecutwfcRy", ecutwfcRy);
        positive("ecutrhoRy", ecutrhoRy);
        kGrid = kGrid.map(List::copyOf);
        kGrid.ifPresent(g -> {
            if (g.size() != 3 || g.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("kGrid must be three positive integers, got " + g);
            }
        });
        positive("kSpacing", kSpacing);
        Objects.requireNonNull(smearing, "smearing");
        positive("convThrRy", convThrRy);
        if (maxScfSteps < 1) {
            throw new IllegalArgumentException("maxScfSteps must be >= 1, got " + maxScfSteps);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    /** @param pseudopotentialDir where the pseudopotentials are  @return a builder with defaults */
    public static Builder builder(Path pseudopotentialDir) {
        return new Builder(pseudopotentialDir);
    }

    /**
     * Marzari-Vanderbilt, Gaussian or Fermi-Dirac smearing.
     *
     * @param type    pw.x's name: {@code "mv"}, {@code "gaussian"}, {@code "fd"}, {@code "mp"}
     * @param degauss width in Ry
     */
    public record Smearing(String type, double degauss) {
        /** Validates. */
        public Smearing {
            if (!List.of("mv", "gaussian", "fd", "mp").contains(type)) {
                throw new IllegalArgumentException("smearing type must be mv, gaussian, fd or mp, got '" + type + "'");
            }
            positive("degauss", degauss);
        }
    }

    /** Builds {@link DftParameters}. */
    public static final class Builder {
        private final Path dir;
        private final java.util.HashMap<Element, String> pseudos = new java.util.HashMap<>();
        private double ecutwfc = 30;
        private Optional<Double> ecutrho = Optional.empty();
        private Optional<List<Integer>> kGrid = Optional.empty();
        private double kSpacing = 0.25;
        private Optional<Smearing> smearing = Optional.empty();
        private double convThr = 1e-8;
        private int maxScf = 100;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "pseudopotentialDir");
        }

        /** @param e element  @param fileName its pseudopotential in the folder  @return this */
        public Builder pseudopotential(Element e, String fileName) {
            pseudos.put(Objects.requireNonNull(e, "element"), Objects.requireNonNull(fileName, "fileName"));
            return this;
        }

        /** @param ry wavefunction cut-off in Ry (default 30)  @return this */
        public Builder ecutwfc(double ry) {
            this.ecutwfc = ry;
            return this;
        }

        /** @param ry charge-density cut-off in Ry (default 4 x ecutwfc)  @return this */
        public Builder ecutrho(double ry) {
            this.ecutrho = Optional.of(ry);
            return this;
        }

        /** @param a points along b1  @param b along b2  @param c along b3  @return this */
        public Builder kPoints(int a, int b, int c) {
            this.kGrid = Optional.of(List.of(a, b, c));
            return this;
        }

        /** @param inverseAngstrom spacing in Å⁻¹ (default 0.25)  @return this */
        public Builder kSpacing(double inverseAngstrom) {
            this.kSpacing = inverseAngstrom;
            this.kGrid = Optional.empty();
            return this;
        }

        /** @param type smearing type  @param degaussRy width in Ry  @return this */
        public Builder smearing(String type, double degaussRy) {
            this.smearing = Optional.of(new Smearing(type, degaussRy));
            return this;
        }

        /** @return this, with Marzari-Vanderbilt smearing of 0.02 Ry (a common choice for metals) */
        public Builder metallic() {
            return smearing("mv", 0.02);
        }

        /** @param ry SCF threshold (default 1e-8 Ry)  @return this */
        public Builder convThr(double ry) {
            this.convThr = ry;
            return this;
        }

        /** @param n most SCF iterations (default 100)  @return this */
        public Builder maxScfSteps(int n) {
            this.maxScf = n;
            return this;
        }

        /** @return the parameters */
        public DftParameters build() {
            return new DftParameters(dir, pseudos, ecutwfc, ecutrho.orElse(4 * ecutwfc), kGrid, kSpacing, smearing,
                    convThr, maxScf);
        }
    }
}
