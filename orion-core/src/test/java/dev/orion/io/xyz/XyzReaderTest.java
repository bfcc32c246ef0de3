package dev.orion.io.xyz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Molecule;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written XYZ and extended XYZ frames. */
class XyzReaderTest {

    static final String WATER = """
            3
            water molecule
            O   0.000000   0.000000   0.117790
            H   0.000000   0.755453  -0.471161
            H   0.000000  -0.755453  -0.471161
            """;

    static final String QUARTZ_LIKE = """
            4
            Lattice="4.0 0.0 0.0 -2.0 3.4641016151377544 0.0 0.0 0.0 5.0" Properties=species:S:1:pos:R:3:forces:R:3:charge:R:1:Z:I:1:fixed:L:1 energy=-12.5 config_type=bulk "quoted key"="a \\"b\\" c" n=3 stress="1 2 3" pbc="T T T"
            Si 0.0 0.0 0.0 0.1 0.2 0.3 1.5 14 T
            Si 1.0 1.7320508075688772 2.5 -0.1 -0.2 -0.3 1.5 14 F
            O  1.0 0.0 1.0 0 0 0 -0.75 8 F
            O  -1.0 1.7320508075688772 4.0 0 0 1e-3 -0.75 8 T
            """;

    static ReadResult read(String text) {
        return new XyzReader().read(SourceText.of("frames.xyz", text), ReadOptions.defaults());
    }

    @Test
    void plainFrameIsAMoleculeWithItsComment() {
        ReadResult r = read(WATER);
        assertThat(r.structures()).isEmpty();
        Molecule m = r.molecules().get(0);
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.speciesAt(0)).isEqualTo(Species.of(Element.O));
        assertThat(m.cartesian(1)).containsExactly(0.0, 0.755453, -0.471161);
        assertThat(m.properties()).containsEntry("comment", "water molecule");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void multipleFramesAreReadInOrder() {
        ReadResult r = read(WATER + "\n" + WATER.replace("water molecule", "") + "1\n\nHe 0 0 0\n\n\n");
        assertThat(r.molecules()).hasSize(3);
        assertThat(r.molecules().get(1).properties()).isEmpty();
        assertThat(r.molecules().get(2).speciesAt(0).element()).isEqualTo(Element.He);
    }

    @Test
    void extendedFrameIsAStructureWithProperties() {
        ReadResult r = read(QUARTZ_LIKE);
        assertThat(r.molecules()).isEmpty();
        Structure s = r.structures().get(0);
        assertThat(s.lattice().matrix()[1]).containsExactly(-2.0, 3.4641016151377544, 0.0);
        assertThat(s.site(1).x()).isCloseTo(0.5, within(1e-12));
        assertThat(s.site(1).y()).isCloseTo(0.5, within(1e-12));
        assertThat(s.site(1).z()).isCloseTo(0.5, within(1e-12));
        assertThat(s.site(2).specie().element()).isEqualTo(Element.O);
        assertThat(s.site(0).properties()).containsEntry("forces", List.of(0.1, 0.2, 0.3))
                .containsEntry("charge", 1.5).containsEntry("Z", 14L).containsEntry("fixed", true);
        assertThat(s.site(3).properties()).containsEntry("forces", List.of(0.0, 0.0, 1e-3));
        assertThat(s.properties()).containsEntry("energy", -12.5).containsEntry("config_type", "bulk")
                .containsEntry("quoted key", "a \"b\" c").containsEntry("n", 3L)
                .containsEntry("stress", List.of(1L, 2L, 3L)).containsEntry("pbc", List.of(true, true, true));
        assertThat(s.properties()).doesNotContainKeys("Lattice", "Properties");
    }

    @Test
    void elementsMayBeAtomicNumbersOrAnyCase() {
        ReadResult r = read("""
                3
                Properties=species:S:1:pos:R:3
                8 0 0 0
                fe 1 0 0
                Fe2+ 2 0 0
                """);
        Molecule m = r.molecules().get(0);
        assertThat(m.speciesAt(0).element()).isEqualTo(Element.O);
        assertThat(m.speciesAt(1).element()).isEqualTo(Element.Fe);
        assertThat(m.speciesAt(2)).isEqualTo(Species.of(Element.Fe, 2));
    }

    @Test
    void zColumnGivesTheElementWithoutASpeciesColumn() {
        Molecule m = read("""
                2
                Properties=Z:I:1:pos:R:3:tag:S:1
                6 0 0 0 a
                1 1.1 0 0 b
                """).molecules().get(0);
        assertThat(m.speciesAt(0).element()).isEqualTo(Element.C);
        assertThat(m.site(1).properties()).containsExactlyEntriesOf(java.util.Map.of("tag", "b"));
    }

    @Test
    void arraysInBracesAndBracketsAndFlags() {
        Structure s = read("""
                1
                Lattice={3 0 0 0 3 0 0 0 3} virial=[1.0, 2.0, 3.5] converged is_relaxed=F
                Cu 0 0 0
                """).structures().get(0);
        assertThat(s.lattice().volume()).isCloseTo(27, within(1e-12));
        assertThat(s.properties()).containsEntry("virial", List.of(1.0, 2.0, 3.5))
                .containsEntry("converged", true).containsEntry("is_relaxed", false);
    }

    @Test
    void windowsLineEndingsAndTabs() {
        ReadResult unix = read(QUARTZ_LIKE);
        ReadResult windows = read(QUARTZ_LIKE.replace("\n", "\r\n").replace("Si 0.0", "Si\t0.0"));
        assertThat(windows.structures().get(0)).isEqualTo(unix.structures().get(0));
    }

    @Test
    void plainCommentsThatLookLikeTextStayComments() {
        Molecule m = read(WATER.replace("water molecule", "E = -76.4 Hartree, \"opt")).molecules().get(0);
        assertThat(m.properties()).containsEntry("comment", "E = -76.4 Hartree, \"opt");
        m = read(WATER.replace("water molecule", "energy=-76.4 step=3")).molecules().get(0);
        assertThat(m.properties()).containsEntry("energy", -76.4).containsEntry("step", 3L);
    }

    @Test
    void extraColumnsOfAnExtendedFrameAreIgnoredWithAWarning() {
        ReadResult r = read("""
                1
                Properties=species:S:1:pos:R:3 pbc="F F F"
                H 0 0 0 9 9
                """);
        assertThat(r.molecules().get(0).properties()).containsEntry("pbc", List.of(false, false, false));
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(3));
    }

    @Test
    void bothRegisteredFormatsReadTheSame() {
        assertThat(new XyzReader(StructureFormat.EXTXYZ).format()).isEqualTo(StructureFormat.EXTXYZ);
        assertThat(new XyzReader().format()).isEqualTo(StructureFormat.XYZ);
        assertThatThrownBy(() -> new XyzReader(StructureFormat.CIF)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CIF");
        Structure viaExt = Structures.read(QUARTZ_LIKE, StructureFormat.EXTXYZ);
        Structure viaXyz = Structures.read(QUARTZ_LIKE, StructureFormat.XYZ);
        assertThat(viaExt).isEqualTo(viaXyz);
        assertThat(Structures.detectFormat("", QUARTZ_LIKE)).isEqualTo(StructureFormat.EXTXYZ);
        assertThat(Structures.detectFormat("", WATER)).isEqualTo(StructureFormat.XYZ);
    }

    // --- errors -----------------------------------------------------------------------------

    static StructureParseException error(String text) {
        return catchThrowableOfType(() -> read(text), StructureParseException.class);
    }

    @Test
    void truncatedFramesSayWhatIsMissing() {
        StructureParseException e = error("3\ncomment\nO 0 0 0\n");
        assertThat(e.getMessage()).contains("frames.xyz", "end of input", "frame 1 announces 3 atoms",
                "only 1 line(s) follow");
        e = error(WATER + "5\n");
        assertThat(e.getMessage()).contains("frame 2", "comment line is missing");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void badCountAndAtomLinesPointAtTheProblem() {
        StructureParseException e = error("three\nc\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("number of atoms of frame 1", "'three'");

        e = error(WATER.replace("H   0.000000   0.755453", "H   0.000000   0.7x5453"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.getMessage()).contains("y position of atom 2");

        e = error(WATER.replace("H   0.000000  -0.755453  -0.471161", "Qq   0.000000  -0.755453  -0.471161"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("element symbol or atomic number", "'Qq'");

        e = error(WATER.replace("O   0.000000   0.000000   0.117790", "O 0.0 0.0"));
        assertThat(e.getMessage()).contains("expected 4 columns", "found 3");
    }

    @Test
    void brokenExtendedHeadersAreErrors() {
        StructureParseException e = error(QUARTZ_LIKE.replace("Lattice=\"4.0 0.0", "Lattice=\"4.0"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.getMessage()).contains("Lattice as nine numbers", "found 8");

        e = error(QUARTZ_LIKE.replace("forces:R:3", "forces:Q:3"));
        assertThat(e.getMessage()).contains("type S, R, I or L", "'Q'");
        e = error(QUARTZ_LIKE.replace("species:S:1:pos:R:3", "species:S:1:pos:R:2"));
        assertThat(e.getMessage()).contains("pos:R:3");
        e = error(QUARTZ_LIKE.replace("pbc=\"T T T\"", "pbc=\"T T T"));
        assertThat(e.column()).isEqualTo(QUARTZ_LIKE.lines().toList().get(1).indexOf("pbc=") + 5);
        assertThat(e.getMessage()).contains("closing '\"'");
        e = error(QUARTZ_LIKE.replace("pbc=\"T T T\"", "pbc=\"T T\""));
        assertThat(e.getMessage()).contains("pbc as three flags");
        e = error(QUARTZ_LIKE.replace("Si 0.0 0.0 0.0 0.1 0.2 0.3 1.5 14 T", "Si 0.0 0.0 0.0 0.1 0.2 0.3 1.5 14.5 T"));
        assertThat(e.getMessage()).contains("'Z' of atom 1 (an integer)");
        e = error(QUARTZ_LIKE.replace("-2.0 3.4641016151377544 0.0 0.0", "8.0 0.0 0.0 0.0"));
        assertThat(e.getMessage()).contains("Lattice of frame 1 is not a cell");
    }

    @Test
    void blankKeysAndPropertyNamesAreErrors() {
        // found by XyzReaderFuzzTest: a blank key reached the model, which rejects blank names
        StructureParseException e = error("1\nProperties=species:S:1:pos:R:3 \"\"=3\nH 0 0 0\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(32);
        assertThat(e.getMessage()).contains("blank quoted key");
        e = error("1\nProperties=\"species:S:1:pos:R:3: :R:1\"\nH 0 0 0 1\n");
        assertThat(e.getMessage()).contains("blank property name");
        // in a plain comment, the same text is just a comment
        assertThat(read("1\n\"\"=3 and more\nH 0 0 0\n").molecules().get(0).properties())
                .containsEntry("comment", "\"\"=3 and more");
    }

    @Test
    void maxSitesAndEmptyInputs() {
        StructureParseException e = catchThrowableOfType(() -> new XyzReader().read(SourceText.of("5\n\n"),
                ReadOptions.builder().maxSites(4).build()), StructureParseException.class);
        assertThat(e.getMessage()).contains("maxSites");
        assertThat(error("\n \n").getMessage()).contains("empty input");
        assertThat(error("999999999999999999999\n").getMessage()).contains("number of atoms");
    }
}
