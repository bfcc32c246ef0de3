package dev.orion.io.xyz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Atom;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Molecule;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.structure.StructureFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XYZ writers and read-write-read round trips. */
class XyzWriterTest {

    private static final Element[] ELEMENTS = {Element.Si, Element.O, Element.Fe, Element.Li, Element.H, Element.Og};
    private static final XyzWriter EXT = new XyzWriter(StructureFormat.EXTXYZ);
    private static final XyzWriter PLAIN = new XyzWriter(StructureFormat.XYZ);

    static ReadResult read(String text) {
        return new XyzReader().read(SourceText.of("out.extxyz", text), ReadOptions.defaults());
    }

    static Structure randomStructure(Random random, int trial) {
        Lattice lattice = Lattice.fromParameters(2 + 10 * random.nextDouble(), 2 + 10 * random.nextDouble(),
                2 + 10 * random.nextDouble(), 60 + 60 * random.nextDouble(), 60 + 60 * random.nextDouble(),
                60 + 60 * random.nextDouble());
        StructureBuilder b = Structure.builder().lattice(lattice)
                .property("energy", -100 * random.nextDouble()).property("step", (long) trial)
                .property("note", "trial " + trial + " \"quoted\"").property("converged", random.nextBoolean())
                .property("virial", List.of(random.nextDouble(), 1e-300, -3.0));
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            b.addSite(Species.of(ELEMENTS[random.nextInt(ELEMENTS.length)]), random.nextDouble() * 2 - 0.5,
                    random.nextDouble(), 1e-9 * random.nextGaussian());
            b.siteProperty(i, "forces", List.of(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()));
            b.siteProperty(i, "charge", random.nextGaussian());
            b.siteProperty(i, "tag", (long) random.nextInt(5));
            b.siteProperty(i, "fixed", random.nextBoolean());
            b.siteProperty(i, "kind", "k" + random.nextInt(3));
        }
        return b.build();
    }

    @Test
    void randomStructuresRoundTripThroughExtendedXyz() {
        Random random = new Random(42);
        List<Structure> all = new ArrayList<>();
        for (int trial = 0; trial < 100; trial++) {
            Structure s = randomStructure(random, trial);
            all.add(s);
            Structure back = read(EXT.write(s)).structures().get(0);
            assertThat(back.almostEquals(s, 1e-8)).as("trial %d", trial).isTrue();
            assertThat(back.lattice()).isEqualTo(s.lattice());
            for (int i = 0; i < s.size(); i++) {
                assertThat(back.siteProperties(i)).as("trial %d site %d", trial, i).isEqualTo(s.siteProperties(i));
            }
            Map<String, Object> expected = new java.util.LinkedHashMap<>(s.properties());
            expected.put("pbc", List.of(true, true, true));
            assertThat(back.properties()).isEqualTo(expected);
        }
        ReadResult frames = read(EXT.writeAll(all));
        assertThat(frames.structures()).hasSize(100);
        for (int i = 0; i < all.size(); i++) {
            assertThat(frames.structures().get(i).almostEquals(all.get(i), 1e-8)).isTrue();
        }
    }

    @Test
    void extendedHeaderLooksLikeAses() {
        Structure s = Structure.builder().lattice(Lattice.cubic(4.05)).addSite(Element.Al, 0, 0, 0)
                .property("pbc", List.of(true, true, false)).build();
        assertThat(EXT.write(s)).isEqualTo("""
                1
                Lattice="4.05 0.0 0.0 0.0 4.05 0.0 0.0 0.0 4.05" Properties=species:S:1:pos:R:3 pbc="T T F"
                Al 0.0 0.0 0.0
                """);
    }

    @Test
    void propertiesTheFormatCannotHoldAreLeftOut() {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(3)).addSite(Element.H, 0, 0, 0)
                .addSite(Element.H, 0.5, 0, 0).property("meta", Map.of("a", 1)).property("names", List.of("x", "y"));
        b.siteProperty(0, "only_first", 1.0).siteProperty(0, "words", "two words").siteProperty(1, "words", "x");
        b.siteProperty(0, "mixed", 1L).siteProperty(1, "mixed", 2.5);
        String text = EXT.write(b.build());
        assertThat(text).doesNotContain("meta", "names", "only_first", "words").contains("mixed:R:1");
        Structure back = read(text).structures().get(0);
        assertThat(back.site(0).properties()).containsExactlyEntriesOf(Map.of("mixed", 1.0));
    }

    @Test
    void plainXyzLosesTheLatticeAndGivesAMolecule() {
        Structure s = randomStructure(new Random(7), 1);
        String text = PLAIN.write(s);
        assertThat(text.lines().toList().get(1)).isEqualTo(s.formula());
        ReadResult r = read(text);
        assertThat(r.structures()).isEmpty();
        Molecule m = r.molecules().get(0);
        assertThat(m.size()).isEqualTo(s.size());
        for (int i = 0; i < s.size(); i++) {
            assertThat(m.speciesAt(i)).isEqualTo(s.speciesAt(i).keySet().iterator().next());
            double[] expected = s.cartesian(i);
            assertThat(m.cartesian(i)).containsExactly(expected[0], expected[1], expected[2]);
        }
    }

    @Test
    void moleculesRoundTripInBothVariants() {
        Molecule water = Molecule.builder().add(new Atom(Species.of(Element.O), 0, 0, 0.1177, Map.of("charge", -0.8)))
                .add(Element.H, 0, 0.755453, -0.471161).add(Element.H, 0, -0.755453, -0.471161)
                .property("comment", "water").build();
        Molecule plain = read(PLAIN.write(water)).molecules().get(0);
        assertThat(plain.cartesianCoords()).containsExactly(water.cartesianCoords());
        assertThat(plain.properties()).containsEntry("comment", "water");
        String ext = EXT.write(water);
        assertThat(ext.lines().toList().get(1)).isEqualTo("Properties=species:S:1:pos:R:3 comment=water pbc=\"F F F\"");
        Molecule back = read(ext).molecules().get(0);
        assertThat(back.cartesianCoords()).containsExactly(water.cartesianCoords());
        assertThat(back.properties()).containsEntry("comment", "water").containsEntry("pbc", List.of(false, false, false));
    }

    @Test
    void disorderedSitesAreRejectedByName() {
        Site mixed = Site.builder().species(Element.Fe, 0.5).species(Element.Ni, 0.5).frac(0.5, 0.5, 0.5).build();
        Structure s = Structure.builder().lattice(Lattice.cubic(3.0)).addSite(Element.O, 0, 0, 0).addSite(mixed).build();
        for (XyzWriter w : List.of(EXT, PLAIN)) {
            assertThatThrownBy(() -> w.write(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("site 1").hasMessageContaining("disordered");
        }
    }

    @Test
    void structuresWritesAndReadsByFileName(@TempDir Path dir) throws IOException {
        Structure s = randomStructure(new Random(3), 0);
        Path ext = dir.resolve("frame.extxyz");
        Structures.write(s, ext);
        assertThat(Structures.read(ext).almostEquals(s, 1e-8)).isTrue();
        Path xyz = dir.resolve("frame.xyz");
        Structures.write(s, xyz);
        assertThat(Files.readString(xyz)).doesNotContain("Lattice");
        Molecule m = Structures.readMolecule(xyz);
        assertThat(m.cartesian(0)[0]).isCloseTo(s.cartesian(0)[0], within(0.0));
        Path extAsXyz = dir.resolve("ase-style.xyz");
        Files.writeString(extAsXyz, EXT.write(s));
        assertThat(Structures.read(extAsXyz).almostEquals(s, 1e-8)).isTrue();
    }
}
