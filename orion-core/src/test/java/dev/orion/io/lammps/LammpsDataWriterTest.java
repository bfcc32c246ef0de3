package dev.orion.io.lammps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.io.ReadOptions;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.structure.StructureFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LammpsDataWriterTest {

    private static final Element[] ELEMENTS = {Element.Cu, Element.O, Element.Fe, Element.Li, Element.Si, Element.Ba};

    static Structure read(String text) {
        return new LammpsDataReader().read(SourceText.of("written.data", text), ReadOptions.defaults()).structures().get(0);
    }

    /** A random cell whose LAMMPS tilts are within the limits, in a random orientation when {@code rotate}. */
    static Lattice randomLattice(Random rnd, boolean rotate) {
        while (true) {
            double a = 3 + 7 * rnd.nextDouble();
            double b = 3 + 7 * rnd.nextDouble();
            double c = 3 + 7 * rnd.nextDouble();
            double alpha = 65 + 50 * rnd.nextDouble();
            double beta = 65 + 50 * rnd.nextDouble();
            double gamma = 65 + 50 * rnd.nextDouble();
            Lattice l;
            try {
                l = Lattice.fromParameters(a, b, c, alpha, beta, gamma);
            } catch (IllegalArgumentException e) {
                continue;
            }
            double[][] m = l.matrix();
            if (Math.abs(m[1][0]) > m[0][0] / 2 || Math.abs(m[2][0]) > m[0][0] / 2 || Math.abs(m[2][1]) > m[1][1] / 2) {
                continue;
            }
            return rotate ? Lattice.of(times(m, randomRotation(rnd))) : l;
        }
    }

    static double[][] randomRotation(Random rnd) {
        double q0 = rnd.nextGaussian();
        double q1 = rnd.nextGaussian();
        double q2 = rnd.nextGaussian();
        double q3 = rnd.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n;
        q1 /= n;
        q2 /= n;
        q3 /= n;
        return new double[][] {
            {1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2)},
            {2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1)},
            {2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)}};
    }

    static double[][] times(double[][] x, double[][] y) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return r;
    }

    static Structure randomStructure(Random rnd, Lattice lattice, boolean charges) {
        StructureBuilder b = Structure.builder().lattice(lattice);
        int n = 1 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.addSite(ELEMENTS[rnd.nextInt(ELEMENTS.length)], rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
            if (charges) {
                b.siteProperty(i, "charge", rnd.nextGaussian());
            }
        }
        return b.build();
    }

    static void assertSameCrystal(Structure expected, Structure actual, double tol) {
        Lattice e = expected.lattice();
        Lattice a = actual.lattice();
        assertThat(a.a()).isCloseTo(e.a(), within(tol * e.a()));
        assertThat(a.b()).isCloseTo(e.b(), within(tol * e.b()));
        assertThat(a.c()).isCloseTo(e.c(), within(tol * e.c()));
        assertThat(a.alpha()).isCloseTo(e.alpha(), within(tol * 100));
        assertThat(a.beta()).isCloseTo(e.beta(), within(tol * 100));
        assertThat(a.gamma()).isCloseTo(e.gamma(), within(tol * 100));
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.site(i).species()).isEqualTo(expected.site(i).species());
            for (int k = 0; k < 3; k++) {
                double d = actual.frac(i)[k] - expected.frac(i)[k];
                assertThat(d - Math.rint(d)).as("site %d frac %d", i, k).isCloseTo(0.0, within(tol));
            }
        }
    }

    @Test
    void roundTripsRandomTriclinicStructuresInAnyOrientation() {
        Random rnd = new Random(20261121);
        for (int trial = 0; trial < 300; trial++) {
            boolean rotate = trial % 2 == 1;
            Structure s = randomStructure(rnd, randomLattice(rnd, rotate), trial % 3 == 0);
            String text = new LammpsDataWriter().write(s);
            Structure back = read(text);
            assertSameCrystal(s, back, 1e-9);
            if (!rotate) {
                assertThat(back.almostEquals(s, 1e-9)).as("trial %d:\n%s", trial, text).isTrue();
            }
            for (int i = 0; i < s.size(); i++) {
                Object q = s.site(i).properties().get("charge");
                if (q != null) {
                    assertThat(back.site(i).properties()).containsEntry("charge", q);
                } else {
                    assertThat(back.site(i).properties()).doesNotContainKey("charge");
                }
            }
            assertThat(text).contains(trial % 3 == 0 ? "Atoms # charge" : "Atoms # atomic");
            // a second trip drifts by no more than rounding
            assertThat(read(new LammpsDataWriter().write(back)).almostEquals(back, 1e-12)).isTrue();
        }
    }

    @Test
    void reducesTiltsLammpsWouldRefuseWithoutChangingTheCrystal() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            // a lower-triangular cell with tilts up to 2.5 box lengths: same frame as LAMMPS's
            double lx = 2 + 5 * rnd.nextDouble();
            double ly = 2 + 5 * rnd.nextDouble();
            double lz = 2 + 5 * rnd.nextDouble();
            double[][] m = {{lx, 0, 0}, {(rnd.nextDouble() - 0.5) * 5 * lx, ly, 0},
                {(rnd.nextDouble() - 0.5) * 5 * lx, (rnd.nextDouble() - 0.5) * 5 * ly, lz}};
            boolean leftHanded = trial % 4 == 0;
            if (leftHanded) {
                m[2] = new double[] {-m[2][0], -m[2][1], -m[2][2]};
            }
            Structure s = randomStructure(rnd, Lattice.of(m), false);
            String text = new LammpsDataWriter().write(s);
            Structure back = read(text);
            double[][] t = back.lattice().matrix();
            assertThat(Math.abs(t[1][0])).isLessThanOrEqualTo(t[0][0] / 2 * (1 + 1e-12));
            assertThat(Math.abs(t[2][0])).isLessThanOrEqualTo(t[0][0] / 2 * (1 + 1e-12));
            assertThat(Math.abs(t[2][1])).isLessThanOrEqualTo(t[1][1] / 2 * (1 + 1e-12));
            assertThat(back.volume()).isCloseTo(s.volume(), within(1e-9 * s.volume()));
            for (int i = 0; i < s.size(); i++) {
                double[] original = s.cartesian(i);
                if (leftHanded) {
                    // the mirror-free equivalent: c -> -c is the same lattice, nothing moves
                    assertThat(back.lattice().volume()).isPositive();
                }
                double[] written = back.cartesian(i);
                double[] diff = {written[0] - original[0], written[1] - original[1], written[2] - original[2]};
                // the difference must be a vector of the original lattice
                double[] f = s.lattice().toFractional(diff);
                for (int k = 0; k < 3; k++) {
                    assertThat(f[k] - Math.rint(f[k])).as("trial %d site %d", trial, i).isCloseTo(0.0, within(1e-8));
                }
                assertThat(back.site(i).species()).isEqualTo(s.site(i).species());
            }
        }
    }

    @Test
    void writesMassesWithSymbolsInOrderOfFirstAppearanceAndTheBoxOnlyTiltedWhenNeeded() {
        Structure s = Structure.builder().lattice(Lattice.orthorhombic(3, 4, 5))
                .addSite(Element.O, 0, 0, 0).addSite(Element.Ti, 0.5, 0.5, 0.5).addSite(Element.O, 0.25, 0.25, 0.25).build();
        String text = new LammpsDataWriter().write(s);
        assertThat(text).contains("3 atoms\n2 atom types\n")
                .contains("0.0 3.0 xlo xhi\n0.0 4.0 ylo yhi\n0.0 5.0 zlo zhi\n")
                .doesNotContain("xy xz yz")
                .contains("Masses\n\n1 " + Element.O.atomicMass() + " # O\n2 " + Element.Ti.atomicMass() + " # Ti\n")
                .contains("Atoms # atomic\n\n1 1 0.0 0.0 0.0\n2 2 1.5 2.0 2.5\n3 1 0.75 1.0 1.25\n");
        assertThat(Structures.write(s, StructureFormat.LAMMPS_DATA)).isEqualTo(text);
    }

    @Test
    void rotatesVelocitiesWithTheCell() {
        Random rnd = new Random(3);
        Lattice lattice = randomLattice(rnd, true);
        StructureBuilder b = Structure.builder().lattice(lattice);
        b.addSite(Element.Ar, 0.1, 0.2, 0.3).siteProperty(0, "velocity", List.of(1.0, -2.0, 0.5));
        b.addSite(Element.Ar, 0.6, 0.7, 0.8);
        Structure s = b.build();
        Structure back = read(new LammpsDataWriter().write(s));
        @SuppressWarnings("unchecked")
        List<Double> v = (List<Double>) back.site(0).properties().get("velocity");
        // rotation keeps the length and the velocity's fractional components along the lattice vectors
        assertThat(Math.sqrt(v.get(0) * v.get(0) + v.get(1) * v.get(1) + v.get(2) * v.get(2)))
                .isCloseTo(Math.sqrt(1 + 4 + 0.25), within(1e-12));
        double[] fOriginal = lattice.toFractional(new double[] {1.0, -2.0, 0.5});
        double[] fBack = back.lattice().toFractional(new double[] {v.get(0), v.get(1), v.get(2)});
        assertThat(fBack).containsExactly(fOriginal, within(1e-12));
        assertThat(back.site(1).properties()).containsEntry("velocity", List.of(0.0, 0.0, 0.0));
    }

    @Test
    void roundTripsTheRealCopperFile() throws Exception {
        Structure cu = Structures.read(LammpsDataReaderTest.engineSamples().resolve("lammps/cu32.data"));
        Structure back = read(new LammpsDataWriter().write(cu));
        assertThat(back.almostEquals(cu, 1e-12)).isTrue();
        assertThat(back.sites()).extracting(site -> site.properties().get("id")).isEqualTo(
                cu.sites().stream().map(site -> site.properties().get("id")).toList());
    }

    @Test
    void refusesDisorderedStructures() {
        Structure s = Structure.builder().lattice(Lattice.cubic(3))
                .addSite(Site.builder().species(Species.of(Element.Fe), 0.5).species(Species.of(Element.Ni), 0.5).frac(0, 0, 0).build())
                .build();
        assertThatThrownBy(() -> new LammpsDataWriter().write(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 0 is disordered");
        Structure huge = Structure.builder().lattice(Lattice.of(new double[][] {{1.5e308, 1.5e308, 0}, {0, 1, 0}, {0, 0, 1}}))
                .addSite(Element.Cu, 0, 0, 0).build();
        assertThatThrownBy(() -> new LammpsDataWriter().write(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be written as a LAMMPS box");
    }
}
