package dev.orion.io.vasp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.structure.StructureFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The POSCAR writer, and read-write-read round trips of generated and real structures. */
class PoscarWriterTest {

    private static final Element[] ELEMENTS = {Element.Si, Element.O, Element.Fe, Element.Li, Element.H, Element.Og};

    private static Structure reread(String text) {
        ReadResult r = new PoscarReader().read(SourceText.of("POSCAR", text), ReadOptions.defaults());
        assertThat(r.warnings()).isEmpty();
        return r.structures().get(0);
    }

    @Test
    void writesVasp5Direct() {
        Structure s = Structure.builder().lattice(Lattice.cubic(4.0))
                .addSite(Element.Na, 0, 0, 0).addSite(Element.Cl, 0.5, 0.5, 0.5)
                .property("title", "rock salt").build();
        assertThat(new PoscarWriter().write(s)).isEqualTo("""
                rock salt
                1.0
                                    4.0                    0.0                    0.0
                                    0.0                    4.0                    0.0
                                    0.0                    0.0                    4.0
                   Na   Cl
                    1    1
                Direct
                                    0.0                    0.0                    0.0
                                    0.5                    0.5                    0.5
                """);
    }

    @Test
    void interleavedSpeciesKeepTheSiteOrder() {
        Structure s = Structure.builder().lattice(Lattice.cubic(5.0))
                .addSite(Element.Si, 0, 0, 0).addSite(Element.Si, 0.1, 0, 0).addSite(Element.O, 0.2, 0, 0)
                .addSite(Element.Si, 0.3, 0, 0).build();
        String text = new PoscarWriter().write(s);
        assertThat(text.lines().toList().get(5).trim().split("\\s+")).containsExactly("Si", "O", "Si");
        assertThat(text.lines().toList().get(6).trim().split("\\s+")).containsExactly("2", "1", "1");
        assertThat(text.lines().toList().get(0)).isEqualTo("Si O");
        Structure back = reread(text);
        assertThat(back.almostEquals(s, 0)).isTrue();
    }

    @Test
    void disorderedSitesAreRejectedByName() {
        Site mixed = Site.builder().species(Element.Fe, 0.5).species(Element.Ni, 0.5).frac(0.5, 0.5, 0.5).label("M1").build();
        Structure s = Structure.builder().lattice(Lattice.cubic(3.0)).addSite(Element.O, 0, 0, 0).addSite(mixed).build();
        assertThatThrownBy(() -> new PoscarWriter().write(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 1 'M1'").hasMessageContaining("disordered");
    }

    @Test
    void selectiveDynamicsAndLabelsAreWrittenBack() {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(3.0))
                .addSite(Element.O, 0, 0, 0).addSite(Element.O, 0.5, 0.5, 0.5).addSite(Element.H, 0.1, 0.2, 0.3);
        b.siteProperty(0, "selective_dynamics", List.of(false, true, false)).label(1, "O two");
        String text = new PoscarWriter().write(b.build());
        assertThat(text).contains("Selective dynamics\nDirect\n");
        Structure back = reread(text);
        assertThat(back.site(0).properties()).containsEntry("selective_dynamics", List.of(false, true, false));
        assertThat(back.site(1).properties()).containsEntry("selective_dynamics", List.of(true, true, true));
        assertThat(back.site(1).label()).isEqualTo("O two");
        assertThatThrownBy(() -> new PoscarWriter().write(Structure.builder().lattice(Lattice.cubic(3.0))
                .addSite(Site.builder().species(Element.O, 1).property("selective_dynamics", "yes").build()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three booleans");
    }

    @Test
    void randomTriclinicStructuresRoundTripExactly() {
        Random random = new Random(20261121L);
        for (int trial = 0; trial < 100; trial++) {
            Lattice lattice = Lattice.fromParameters(2 + 10 * random.nextDouble(), 2 + 10 * random.nextDouble(),
                    2 + 10 * random.nextDouble(), 60 + 60 * random.nextDouble(), 60 + 60 * random.nextDouble(),
                    60 + 60 * random.nextDouble());
            StructureBuilder b = Structure.builder().lattice(lattice).property("title", "trial " + trial);
            int n = 1 + random.nextInt(30);
            boolean selective = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                Species species = Species.of(ELEMENTS[random.nextInt(ELEMENTS.length)]);
                b.addSite(species, random.nextDouble() * 2 - 0.5, random.nextDouble(), 1e-9 * random.nextGaussian());
                if (selective) {
                    b.siteProperty(i, "selective_dynamics", List.of(random.nextBoolean(), random.nextBoolean(),
                            random.nextBoolean()));
                }
            }
            Structure s = b.build();
            Structure back = reread(new PoscarWriter().write(s));
            assertThat(back.almostEquals(s, 1e-8)).as("trial %d", trial).isTrue();
            assertThat(back).as("trial %d: exact equality, properties included", trial).isEqualTo(s);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusPoscarRoundTrips() throws IOException {
        Path root = CorpusFiles.poscarRoot();
        return CorpusFiles.poscars().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Structure s = Structures.read(file);
            Structure back = reread(new PoscarWriter().write(s));
            assertThat(back.almostEquals(s, 1e-8)).isTrue();
            assertThat(back.lattice()).isEqualTo(s.lattice());
            for (int i = 0; i < s.size(); i++) {
                assertThat(back.site(i).label()).isEqualTo(s.site(i).label());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusPoscarRoundTripsThroughExtendedXyz() throws IOException {
        Path root = CorpusFiles.poscarRoot();
        return CorpusFiles.poscars().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Structure s = Structures.read(file);
            Structure back = Structures.read(Structures.write(s, StructureFormat.EXTXYZ), StructureFormat.EXTXYZ);
            assertThat(back.almostEquals(s, 1e-8)).isTrue();
            assertThat(back.lattice()).isEqualTo(s.lattice());
            assertThat(back.properties()).containsEntry("title", s.properties().get("title"));
        }));
    }

    @Test
    void structuresDetectsPoscarsByNameAndContent(@TempDir Path dir) throws IOException {
        Structure s = Structure.builder().lattice(Lattice.hexagonal(3.0, 5.0))
                .addSite(Element.Mg, 1.0 / 3, 2.0 / 3, 0.25).addSite(Element.Mg, 2.0 / 3, 1.0 / 3, 0.75).build();
        for (String name : List.of("POSCAR", "CONTCAR", "POSCAR-relaxed", "CONTCAR_3", "mg.vasp", "mg.poscar",
                "no-extension")) {
            Path file = dir.resolve(name);
            Structures.write(s, file, StructureFormat.POSCAR);
            assertThat(Structures.detectFormat(name, Files.readString(file))).as(name).isEqualTo(StructureFormat.POSCAR);
            assertThat(Structures.read(file).almostEquals(s, 1e-12)).as(name).isTrue();
        }
        Path named = dir.resolve("out.vasp");
        Structures.write(s, named);
        assertThat(Files.readString(named)).contains("Mg\n");
    }
}
