package dev.orion.engines.calculix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.engine.FiniteElement;
import dev.orion.engine.Resources;
import dev.orion.engine.Vector3;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code .inp} meshes: Debian's test decks, ORION's own decks read back, and hostile input. */
class InpMeshTest {

    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    static Path debian(String deck) {
        Path file = CalculixReferenceDecksTest.TESTS.resolve(deck + ".inp");
        TestPrograms.requireFile(file);
        return file;
    }

    @Test
    void readsTheTwoCubesOfADebianContactDeck() {
        InpMesh read = InpMesh.read(debian("contact1"));
        Mesh m = read.mesh();
        assertThat(m.nodes()).hasSize(16);
        assertThat(m.elements()).hasSize(2);
        assertThat(m.elements().get(1)).containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(m.node(11)).isEqualTo(new Vector3(6.41421e-01, 5.00000e-01, 1.20000e+00));
        assertThat(m.nodeSets()).containsOnlyKeys("NALL", "NFIX", "NFIXXY", "NSLAV");
        assertThat(m.nodeSet("NFIX")).containsExactly(1, 2, 5, 6, 11, 12, 15, 16);
        assertThat(read.elementIds()).containsExactly(1, 2);
    }

    @Test
    void refusesADebianDeckWithSpringElementsNamingTheLine() throws Exception {
        Path deck = debian("dashpot1");
        List<String> lines = Files.readAllLines(deck, java.nio.charset.StandardCharsets.ISO_8859_1);
        int springs = 1 + lines.indexOf(lines.stream().filter(l -> l.toUpperCase().contains("TYPE=SPRINGA")
                || l.toUpperCase().contains("TYPE=DASHPOTA")).findFirst().orElseThrow());
        assertThatThrownBy(() -> InpMesh.read(deck)).isInstanceOf(CalculixFormatException.class)
                .hasMessageStartingWith("dashpot1.inp:" + springs + ": element type")
                .hasMessageContaining("C3D8 eight-node hexahedra only")
                .satisfies(e -> assertThat(((CalculixFormatException) e).line()).isEqualTo(springs));
    }

    @Test
    void anOrionDeckReadsBackAsTheSameMeshAndTheReadMeshRuns() throws Exception {
        Mesh plate = Mesh.plateWithHole(0.05, 0.005, 0.001, 4, 6, 2, 1.2);
        Material steel = Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3)).build();
        FiniteElement fe = FiniteElement.builder(plate, steel).constrain(Constraint.fixed("XMIN", 1))
                .constrain(Constraint.fixed("YMIN", 2)).constrain(Constraint.fixed("ZMIN", 3))
                .load(Load.pressure("XMAX", -1e6)).build();
        Mesh back = InpMesh.parse(CalculixDeck.write(fe), "orion.inp").mesh();
        // the deck keeps 13 significant digits of numbers longer than CalculiX's 20-character fields
        assertThat(back.nodes()).hasSameSizeAs(plate.nodes());
        for (int i = 0; i < plate.nodes().size(); i++) {
            Vector3 a = back.nodes().get(i);
            Vector3 b = plate.nodes().get(i);
            assertThat(Math.hypot(Math.hypot(a.x() - b.x(), a.y() - b.y()), a.z() - b.z())).isLessThan(1e-15);
        }
        assertThat(back.elements()).isEqualTo(plate.elements());
        Map<String, List<Integer>> sets = new LinkedHashMap<>(back.nodeSets());
        assertThat(sets.remove("NALL")).hasSize(plate.nodes().size());
        assertThat(sets).isEqualTo(plate.nodeSets());

        TestPrograms.require("ccx");
        Mesh runnable = new Mesh(back.nodes(), back.elements(), sets);
        ContinuumResult r = EngineRuns.run(CalculixEngine.builder().build(),
                FiniteElement.builder(runnable, steel).constrain(Constraint.fixed("XMIN", 1))
                        .constrain(Constraint.fixed("YMIN", 2)).constrain(Constraint.fixed("ZMIN", 3))
                        .load(Load.pressure("XMAX", -1e6)).build(),
                LOCAL, dir, Resources.defaults()).continuum().orElseThrow();
        assertThat(r.nodalDisplacements().get(plate.nodeSet("XMAX").get(0)).x()).isPositive();
    }

    @Test
    void readsContinuationLinesGenerateStepsSetReferencesAndFortranExponents() {
        String deck = """
                ** a comment
                *Node, nset=all
                10, 0, 0, 0
                11, 1d0, 0, 0
                12, 1, 1, 0
                13, 0, 1
                20, 0, 0, 1
                21, 1, 0, 1
                22, 1, 1, 1
                23, 0, 1, 1
                *Element, type=c3d8, elset=one
                100, 10, 11, 12, 13,
                  20, 21, 22, 23
                *Nset, nset=bottom, generate
                10, 13, 1
                *nset, nset=odd, generate
                20, 23, 2
                *NSET, NSET=Both
                bottom, 22,
                *MATERIAL, NAME=X
                *ELASTIC
                1, 0.3
                """;
        InpMesh read = InpMesh.parse(deck, "mine.inp");
        assertThat(read.mesh().elements()).containsExactly(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(read.mesh().node(2)).isEqualTo(new Vector3(1, 0, 0));
        assertThat(read.mesh().node(4)).isEqualTo(new Vector3(0, 1, 0));
        assertThat(read.mesh().nodeSet("BOTTOM")).containsExactly(1, 2, 3, 4);
        assertThat(read.mesh().nodeSet("ODD")).containsExactly(5, 7);   // 20, 22
        assertThat(read.mesh().nodeSet("BOTH")).containsExactly(1, 2, 3, 4, 7);
        assertThat(read.meshNodeId(22)).isEqualTo(7);
        assertThat(read.elementIds()).containsExactly(100);
    }

    @Test
    void readsElementSetsFromElsetKeywordsGenerateRangesAndElementLinesAndWritesThemBack() throws Exception {
        Mesh bar = Mesh.block(4, 1, 1, 4, 1, 1);
        StringBuilder deck = new StringBuilder("*NODE\n");
        for (int i = 0; i < bar.nodes().size(); i++) {
            Vector3 v = bar.nodes().get(i);
            deck.append(1000 + i).append(", ").append(v.x()).append(", ").append(v.y()).append(", ").append(v.z()).append('\n');
        }
        // elements numbered 10, 20, 30, 40 by the file, the first two under ELSET= on *ELEMENT
        for (int e = 0; e < 4; e++) {
            deck.append(e < 2 ? "*ELEMENT, TYPE=C3D8, ELSET=Left\n" : "*ELEMENT, TYPE=C3D8\n").append(10 * (e + 1));
            bar.elements().get(e).forEach(n -> deck.append(", ").append(999 + n));
            deck.append('\n');
        }
        deck.append("*ELSET, ELSET=RIGHT, GENERATE\n30, 40, 10\n*ELSET, ELSET=ends\n10, right\n*ELSET, ELSET=EVERY\nLEFT, RIGHT\n");
        InpMesh read = InpMesh.parse(deck.toString(), "bar.inp");
        Mesh m = read.mesh();
        assertThat(m.elementSets()).containsOnlyKeys("LEFT", "RIGHT", "ENDS", "EVERY");
        assertThat(m.elementSet("LEFT")).containsExactly(1, 2);
        assertThat(m.elementSet("RIGHT")).containsExactly(3, 4);
        assertThat(m.elementSet("ENDS")).containsExactly(1, 3, 4);
        assertThat(m.elementSet("EVERY")).containsExactly(1, 2, 3, 4);
        assertThat(read.elementIds()).containsExactly(10, 20, 30, 40);
        assertThatThrownBy(() -> m.elementSet("MIDDLE")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LEFT");

        // ORION's deck writes the sets; reading it back gives them again (with the deck's own EALL)
        Material steel = Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3)).build();
        Mesh withSets = new Mesh(m.nodes(), m.elements(), Map.of("XMIN", bar.nodeSet("XMIN")), m.elementSets());
        String written = CalculixDeck.write(FiniteElement.builder(withSets, steel).constrain(Constraint.fixed("XMIN", 1)).build());
        Map<String, List<Integer>> back = new LinkedHashMap<>(InpMesh.parse(written, "orion.inp").mesh().elementSets());
        assertThat(back.remove("EALL")).containsExactly(1, 2, 3, 4);
        assertThat(back).isEqualTo(m.elementSets());
    }

    static final String NODES = "*NODE\n1,0,0,0\n2,1,0,0\n3,1,1,0\n4,0,1,0\n5,0,0,1\n6,1,0,1\n7,1,1,1\n8,0,1,1\n";
    static final String ELEMENT = "*ELEMENT, TYPE=C3D8\n1, 1,2,3,4,5,6,7,8\n";

    @Test
    void hostileInputIsRefusedNamingTheLine() {
        refused(NODES + "*ELEMENT, TYPE=C3D20R\n1,1,2,3,4,5,6,7,8\n", 10, "element type C3D20R");
        refused(NODES + "*ELEMENT\n1,1,2,3,4,5,6,7,8\n", 10, "(none given)");
        refused(NODES + "*ELEMENT, TYPE=C3D8\n1, 1,2,3,4,5,6,7\n", 11, "has 7 nodes");
        refused(NODES + "*ELEMENT, TYPE=C3D8\n1, 1,2,3,4,\n*NSET,NSET=A\n1\n", 11, "has 4 nodes");
        refused(NODES + "*ELEMENT, TYPE=C3D8\n1, 1,2,3,4,5,6,7,99\n", 11, "refers to node 99");
        refused(NODES + ELEMENT + "1, 1,2,3,4,5,6,7,8\n", 12, "element 1 is defined twice");
        refused(NODES + "1,5,5,5\n" + ELEMENT, 10, "node 1 is defined twice");
        refused("*NODE\n1, 0, NaN, 0\n" + ELEMENT, 2, "finite number");
        refused("*NODE\n1, 0, 1e999, 0\n" + ELEMENT, 2, "finite number");
        refused("*NODE\n1, 0\n", 2, "'id, x, y[, z]'");
        refused("*NODE\n99999999999, 0, 0, 0\n", 2, "integer for a node id");
        refused(NODES + ELEMENT + "*NSET, NSET=G, GENERATE\n1, 2000000000, 1\n", 13, "at most");
        refused(NODES + ELEMENT + "*NSET, NSET=G, GENERATE\n8, 1\n", 13, "first <= last");
        refused(NODES + ELEMENT + "*NSET, NSET=G, GENERATE\n1, 8, 0\n", 13, "step >= 1");
        refused(NODES + ELEMENT + "*NSET, NSET=G\nNOPE\n", 13, "no node set 'NOPE'");
        refused(NODES + ELEMENT + "*NSET, NSET=bad-name\n1\n", 12, "set name");
        refused(NODES + ELEMENT + "*NSET, NSET=E, ELSET=EALL\n", 12, "ELSET=");
        refused(NODES + ELEMENT + "*ELSET, ELSET=E\n2\n", 13, "refers to element 2");
        refused(NODES + ELEMENT + "*ELSET, ELSET=E\nNOPE\n", 13, "no element set 'NOPE'");
        refused(NODES + ELEMENT + "*ELSET, ELSET=E, GENERATE\n1, 2000000000\n", 13, "at most");
        refused(NODES + ELEMENT + "*ELSET, ELSET=9lives\n1\n", 12, "set name");
        refused(NODES + ELEMENT + "*ELSET, ELSET=E\nx1\n", 13, "no element set 'x1'");
        refused(NODES + ELEMENT + "*ELSET, ELSET=E\n1.5\n", 13, "integer for an element id");
        refused("*INCLUDE, INPUT=mesh.inp\n", 1, "reads another file");
        refused(NODES, 0, "no C3D8 elements");
        refused("", 0, "no C3D8 elements");
    }

    static void refused(String deck, int line, String reason) {
        assertThatThrownBy(() -> InpMesh.parse(deck, "bad.inp")).isInstanceOf(CalculixFormatException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((CalculixFormatException) e).line()).as(e.getMessage()).isEqualTo(line));
    }
}
