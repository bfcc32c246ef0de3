package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.io.ReadOptions;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What the writer writes, and read → write → read round trips of generated structures. */
class CifWriterTest {

    private static final Element[] ELEMENTS = {Element.H, Element.O, Element.Fe, Element.Na, Element.Cl, Element.Si,
            Element.U, Element.Og};

    private static Structure readBack(String text) {
        return new CifReader().read(SourceText.of("w.cif", text), ReadOptions.defaults()).structures().get(0);
    }

    @Test
    void writesP1WithTheIdentityOperatorCellOxidationStatesAndOccupancies() {
        Structure s = Structure.builder().lattice(Lattice.fromParameters(3, 4, 5, 80, 95, 110))
                .addSite(Site.builder().species(Species.of(Element.Fe, 3), 1.0).frac(0.1, 0.2, 0.3).label("Fe1").build())
                .addSite(Site.builder().species(Species.of(Element.O, -2), 0.5).species(Species.of(Element.F, -1), 0.5)
                        .frac(0.5, 0.5, 0.5).label("X").build())
                .build();
        String text = new CifWriter().write(s);
        assertThat(text).contains("_symmetry_space_group_name_H-M   'P 1'").contains("1 'x, y, z'")
                .contains("_atom_type_oxidation_number").contains("Fe3+ 3.0").contains("O2- -2.0")
                .contains("Fe1 Fe3+ 0.1 0.2 0.3 1.0").contains("X O2- 0.5 0.5 0.5 0.5").contains("X_F F1- 0.5 0.5 0.5 0.5");
        Structure back = readBack(text);
        assertThat(back.almostEquals(s, 1e-12)).isTrue();
        assertThat(back.speciesAt(1)).isEqualTo(s.speciesAt(1));
        assertThat(back.label(1)).isEqualTo("X");
    }

    @Test
    void labelsAreMadeUniqueAndQuotedWhereCifNeedsIt() {
        Lattice cubic = Lattice.cubic(10);
        Structure s = Structure.builder().lattice(cubic)
                .addSite(Site.builder().species(Element.C, 1).frac(0.1, 0, 0).label("C1").build())
                .addSite(Site.builder().species(Element.C, 1).frac(0.2, 0, 0).label("C1").build())
                .addSite(Site.builder().species(Element.C, 1).frac(0.3, 0, 0).label("_odd label").build())
                .addSite(Site.builder().species(Element.C, 1).frac(0.4, 0, 0).label("?").build())
                .addSite(Site.builder().species(Element.C, 1).frac(0.5, 0, 0).label("'q").build())
                .addSite(Element.N, 0.6, 0, 0)
                .addSite(Element.N, 0.7, 0, 0)
                .build();
        Structure back = readBack(new CifWriter().write(s));
        assertThat(back.sites()).extracting(Site::label)
                .containsExactly("C1", "C1_1", "_odd_label", "?", "'q", "N1", "N2");
        assertThat(back.almostEquals(s, 1e-12)).isTrue();
    }

    @Test
    void theBlockNameComesFromTheSourceBlockOrTheFormula() {
        Structure s = Structure.builder().lattice(Lattice.cubic(4)).addSite(Element.Fe, 0, 0, 0)
                .addSite(Element.O, 0.5, 0.5, 0.5).build();
        assertThat(new CifWriter().write(s)).contains("\ndata_FeO\n");
        Structure named = s.newBuilder().property("cif_block", "my block").build();
        String text = new CifWriter().write(named);
        assertThat(text).contains("\ndata_my_block\n");
        assertThat(readBack(text).properties()).containsEntry("cif_block", "my_block");
        assertThat(Structures.write(s, StructureFormat.CIF)).isEqualTo(new CifWriter().write(s));
    }

    @RepeatedTest(20)
    void randomStructuresSurviveWriteAndRead(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(7919L * info.getCurrentRepetition());
        Structure s = randomStructure(random);
        Structure back = readBack(new CifWriter().write(s));
        assertThat(back.almostEquals(s, 1e-8)).as("round trip of %s", s).isTrue();
        for (int i = 0; i < s.size(); i++) {
            assertThat(back.speciesAt(i)).isEqualTo(s.speciesAt(i));
            assertThat(back.label(i)).isEqualTo(s.label(i));
        }
    }

    /** Triclinic, several species, some oxidation states, some disordered sites; sites at least 0.5 Å apart. */
    static Structure randomStructure(Random random) {
        double alpha = 60 + 60 * random.nextDouble();
        double beta = 60 + 60 * random.nextDouble();
        double gamma = 60 + 60 * random.nextDouble();
        Lattice lattice;
        try {
            lattice = Lattice.fromParameters(3 + 12 * random.nextDouble(), 3 + 12 * random.nextDouble(),
                    3 + 12 * random.nextDouble(), alpha, beta, gamma);
        } catch (IllegalArgumentException impossibleAngles) {
            lattice = Lattice.fromParameters(5, 6, 7, 80, 85, 95);
        }
        var builder = Structure.builder().lattice(lattice);
        int n = 1 + random.nextInt(40);
        List<double[]> placed = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] p = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            final Lattice l = lattice;
            if (placed.stream().anyMatch(q -> l.minimumImageDistance(p, q) < 0.5)) {
                continue;
            }
            placed.add(p);
            Site.Builder site = Site.builder().frac(p).label("S" + i);
            Element e = ELEMENTS[random.nextInt(ELEMENTS.length)];
            Species sp = random.nextBoolean() ? Species.of(e) : Species.of(e, random.nextInt(7) - 3 + (random.nextBoolean() ? 0.5 : 0));
            if (random.nextInt(4) == 0) {
                double occ = 0.05 + 0.9 * random.nextDouble();
                Element other = ELEMENTS[random.nextInt(ELEMENTS.length)];
                site.species(sp, occ);
                if (other != e) {
                    site.species(Species.of(other), (1 - occ) * random.nextDouble());
                }
            } else {
                site.species(sp, 1.0);
            }
            builder.addSite(site.build());
        }
        return builder.build();
    }
}
