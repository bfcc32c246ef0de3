package dev.orion.io.espresso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.structure.StructureFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PwscfWriterTest {

    private static final Element[] ELEMENTS = {Element.Fe, Element.O, Element.Sr, Element.Ti, Element.H, Element.Au};

    static Lattice randomLattice(Random rnd) {
        while (true) {
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] = (i == j ? 4 : 0) + 3 * (rnd.nextDouble() - 0.5);
                }
            }
            try {
                Lattice l = Lattice.of(m);
                if (Math.abs(l.volume()) > 5) {
                    return l;
                }
            } catch (IllegalArgumentException e) {
                // singular draw: try again
            }
        }
    }

    static Structure randomStructure(Random rnd) {
        StructureBuilder b = Structure.builder().lattice(randomLattice(rnd));
        int n = 1 + rnd.nextInt(10);
        for (int i = 0; i < n; i++) {
            // coordinates outside [0, 1) too: pw.x accepts them and the writer keeps them
            b.addSite(ELEMENTS[rnd.nextInt(ELEMENTS.length)], 2 * rnd.nextDouble() - 0.5, rnd.nextDouble(), rnd.nextDouble());
        }
        return b.build();
    }

    static Structure read(String text) {
        return PwscfReaderTest.read(text).structures().get(0);
    }

    @Test
    void roundTripsRandomTriclinicStructuresExactly() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            Structure s = randomStructure(rnd);
            String text = new PwscfWriter().write(s);
            Structure back = read(text);
            assertThat(back.almostEquals(s, 1e-8)).as("trial %d:\n%s", trial, text).isTrue();
            assertThat(back.lattice().matrix()).isDeepEqualTo(s.lattice().matrix());
            for (int i = 0; i < s.size(); i++) {
                assertThat(back.frac(i)).containsExactly(s.frac(i));
            }
        }
    }

    @Test
    void keepsLabelsPseudopotentialsAndIfPosThroughARoundTrip() {
        String input = """
                &SYSTEM
                  ibrav = 0, nat = 3, ntyp = 3, ecutwfc = 40
                /
                ATOMIC_SPECIES
                  Fe1 55.845 Fe_up.UPF
                  Fe2 55.845 Fe_down.UPF
                  O 15.999 O.pbe.UPF
                CELL_PARAMETERS angstrom
                  2.87 0 0
                  0 2.87 0
                  0 0 5.74
                ATOMIC_POSITIONS crystal
                  Fe1 0 0 0 0 0 0
                  Fe2 0.5 0.5 0.5
                  O 0.5 0.5 0
                """;
        Structure s = read(input);
        String text = new PwscfWriter().write(s);
        assertThat(text).contains("  Fe1 " + PwscfWriter.number(Element.Fe.atomicMass()) + " Fe_up.UPF\n")
                .contains("  Fe2 " + PwscfWriter.number(Element.Fe.atomicMass()) + " Fe_down.UPF\n")
                .contains("  O " + PwscfWriter.number(Element.O.atomicMass()) + " O.pbe.UPF\n")
                .contains("  Fe1 0.0 0.0 0.0 0 0 0\n  Fe2 0.5 0.5 0.5 1 1 1\n")
                .contains("ntyp = 3");
        Structure back = read(text);
        assertThat(back.almostEquals(s, 1e-12)).isTrue();
        assertThat(back.sites()).extracting(Site::label).containsExactly("Fe1", "Fe2", "O");
        assertThat(back.properties()).isEqualTo(s.properties());
        assertThat(back.site(0).properties()).containsEntry("if_pos", List.of(0L, 0L, 0L));
        assertThat(back.site(1).properties()).containsEntry("if_pos", List.of(1L, 1L, 1L));
    }

    @Test
    void roundTripsTheRealSiliconInput() {
        Structure si = Structures.read(PwscfReaderTest.espressoSamples().resolve("si.in"));
        Structure back = read(new PwscfWriter().write(si));
        assertThat(back.almostEquals(si, 1e-12)).isTrue();
        assertThat(back.properties()).containsEntry("pseudopotentials", Map.of("Si", "Si.pz-vbc.UPF"));
    }

    @Test
    void writesAMinimalCompleteInputWithPlaceholderPseudopotentials() {
        Structure s = Structure.builder().lattice(Lattice.cubic(3.9)).addSite(Element.Sr, 0, 0, 0)
                .addSite(Element.Ti, 0.5, 0.5, 0.5).addSite(Element.O, 0.5, 0.5, 1e-17).build();
        String text = new PwscfWriter().write(s);
        assertThat(text).startsWith("&CONTROL\n  calculation = 'scf'\n/\n&SYSTEM\n  ibrav = 0\n  nat = 3\n  ntyp = 3\n  ecutwfc = 30.0\n/\n&ELECTRONS\n/\n")
                .contains("  Sr " + PwscfWriter.number(Element.Sr.atomicMass()) + " Sr.UPF\n")
                .contains("CELL_PARAMETERS angstrom\n  3.9 0.0 0.0\n  0.0 3.9 0.0\n  0.0 0.0 3.9\n")
                .contains("ATOMIC_POSITIONS crystal\n  Sr 0.0 0.0 0.0\n  Ti 0.5 0.5 0.5\n  O 0.5 0.5 1.0E-17\n")
                .endsWith("K_POINTS gamma\n")
                .doesNotContain("if_pos");
        assertThat(new PwscfWriter(55.5).write(s)).contains("ecutwfc = 55.5\n");
        assertThat(Structures.write(s, StructureFormat.PWSCF)).isEqualTo(text);
        assertThatThrownBy(() -> new PwscfWriter(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ecutwfcRy");
    }

    @Test
    void refusesWhatPwxCannotExpress() {
        Structure disordered = Structure.builder().lattice(Lattice.cubic(3))
                .addSite(Site.builder().species(Species.of(Element.Fe), 0.5).species(Species.of(Element.Ni), 0.5).frac(0, 0, 0).build())
                .build();
        assertThatThrownBy(() -> new PwscfWriter().write(disordered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 0 is disordered");
        Structure badFlags = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.Fe, 0, 0, 0)
                .siteProperty(0, "if_pos", List.of(1, 2, 0)).build();
        assertThatThrownBy(() -> new PwscfWriter().write(badFlags)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("if_pos");
        Structure badPseudo = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.Fe, 0, 0, 0)
                .property("pseudopotentials", Map.of("Fe", "two words.UPF")).build();
        assertThatThrownBy(() -> new PwscfWriter().write(badPseudo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two words.UPF'");
    }
}
