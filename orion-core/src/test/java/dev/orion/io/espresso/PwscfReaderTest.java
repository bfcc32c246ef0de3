package dev.orion.io.espresso;

import dev.orion.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PwscfReaderTest {

    private static final double BOHR = 0.529177210903;

    static Path espressoSamples() {
        return TestData.engineSamples().resolve("espresso");
    }

    static ReadResult read(String text) {
        return new PwscfReader().read(SourceText.of("test.pwi", text), ReadOptions.defaults());
    }

    static StructureParseException error(String text) {
        try {
            read(text);
        } catch (StructureParseException e) {
            return e;
        }
        throw new AssertionError("expected a StructureParseException for:\n" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"si.in", "si_nc.in", "si_bad.in"})
    void readsTheRealSiliconInputsAsPwxDid(String name) throws Exception {
        Path file = espressoSamples().resolve(name);
        ReadResult result = Structures.readAll(file.getParent().resolve(name), ReadOptions.defaults());
        assertThat(result.warnings()).isEmpty();
        Structure si = result.structures().get(0);
        double a = 10.2 * BOHR;
        assertThat(si.lattice().matrix()).isDeepEqualTo(new double[][] {{-a / 2, 0, a / 2}, {0, a / 2, a / 2}, {-a / 2, a / 2, 0}});
        assertThat(si.size()).isEqualTo(2);
        assertThat(si.composition().amount(Element.Si)).isEqualTo(2.0);
        assertThat(si.frac(0)).containsExactly(new double[] {0, 0, 0}, within(1e-15));
        // (a/4)(1,1,1) in the fcc vectors (a/2)(-1,0,1), (a/2)(0,1,1), (a/2)(-1,1,0)
        assertThat(si.frac(1)).containsExactly(new double[] {-0.25, 0.75, -0.25}, within(1e-14));
        assertThat(si.site(1).label()).isEqualTo("Si");
        assertThat(si.properties().get("pseudopotentials")).isEqualTo(Map.of("Si",
                name.equals("si_bad.in") ? "Si.missing.UPF" : "Si.pz-vbc.UPF"));
        // pw.x printed the volume in bohr^3 for si.in: ORION's cell must agree to the printed digits
        String out = Files.readString(espressoSamples().resolve("si.out"));
        Matcher m = Pattern.compile("unit-cell volume\\s*=\\s*([0-9.]+) \\(a\\.u\\.\\)\\^3").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(si.volume() / (BOHR * BOHR * BOHR)).isCloseTo(Double.parseDouble(m.group(1)), within(1e-4));
    }

    @Test
    void readsIbravZeroWithEveryUnitAndFortranSyntax() {
        String text = """
                ! a comment before the first namelist
                &CONTROL
                  calculation='relax', title = 'it''s / not the end' , tprnfor=.TRUE.
                /
                &system
                  ibrav = 0, nat = 3, ntyp = 2 ! trailing comment
                  ecutwfc = 3.0D1, starting_magnetization(1) = 0.5, celldm(1) = 1.0d1
                /
                &ELECTRONS
                  conv_thr = 1.d-8
                &end
                ATOMIC_SPECIES
                  Fe1 55.845 Fe.pbe-spn-kjpaw_psl.0.2.1.UPF
                  O   15.999 O.pbe-n-kjpaw_psl.0.1.UPF   ! comment
                CELL_PARAMETERS {alat}
                  1.0 0.0 0.0
                  0.5 1.0 0.0
                  0.0 0.0 1.5
                # a hash comment line
                ATOMIC_POSITIONS (crystal)
                  Fe1 0.0 0.0 0.0   0 0 0
                  O   1/3 2/3 0.5
                  O   0.5 0.5 -0.25 1 1 0
                K_POINTS automatic
                  2 2 2 0 0 0
                """;
        ReadResult r = read(text);
        assertThat(r.warnings()).isEmpty();
        Structure s = r.structures().get(0);
        double alat = 10 * BOHR;
        assertThat(s.lattice().matrix()).isDeepEqualTo(new double[][] {{alat, 0, 0}, {0.5 * alat, alat, 0}, {0, 0, 1.5 * alat}});
        assertThat(s.site(0).specie().element()).isEqualTo(Element.Fe);
        assertThat(s.site(0).label()).isEqualTo("Fe1");
        assertThat(s.site(0).properties()).containsEntry("if_pos", List.of(0L, 0L, 0L));
        assertThat(s.site(1).properties()).doesNotContainKey("if_pos");
        assertThat(s.site(2).properties()).containsEntry("if_pos", List.of(1L, 1L, 0L));
        assertThat(s.frac(1)).containsExactly(1.0 / 3, 2.0 / 3, 0.5);
        assertThat(s.frac(2)).containsExactly(0.5, 0.5, -0.25);
        assertThat(s.properties().get("pseudopotentials")).isEqualTo(Map.of("Fe1", "Fe.pbe-spn-kjpaw_psl.0.2.1.UPF",
                "O", "O.pbe-n-kjpaw_psl.0.1.UPF"));
    }

    private static String ibrav0(String cellUnit, String cell, String posUnit, String pos, String extra) {
        return "&SYSTEM\n ibrav=0, nat=1, ntyp=1" + extra + "\n/\nATOMIC_SPECIES\nCu 63.546 Cu.UPF\nCELL_PARAMETERS " + cellUnit
                + "\n" + cell + "\nATOMIC_POSITIONS " + posUnit + "\nCu " + pos + "\nK_POINTS gamma\n";
    }

    @Test
    void convertsEveryCellAndPositionUnit() {
        String cell = "2 0 0\n0 2 0\n0 0 4";
        Structure ang = read(ibrav0("angstrom", cell, "angstrom", "1 0.5 1", "")).structures().get(0);
        assertThat(ang.lattice().c()).isEqualTo(4.0);
        assertThat(ang.frac(0)).containsExactly(0.5, 0.25, 0.25);
        Structure bohr = read(ibrav0("bohr", cell, "bohr", "1 0.5 1", "")).structures().get(0);
        assertThat(bohr.lattice().c()).isCloseTo(4 * BOHR, within(1e-15));
        assertThat(bohr.frac(0)).containsExactly(new double[] {0.5, 0.25, 0.25}, within(1e-15));
        Structure alatA = read(ibrav0("alat", "1 0 0\n0 1 0\n0 0 2", "alat", "0.5 0.25 0.5", ", A = 2.0")).structures().get(0);
        assertThat(alatA.lattice().c()).isCloseTo(4.0, within(1e-15));
        assertThat(alatA.frac(0)).containsExactly(new double[] {0.5, 0.25, 0.25}, within(1e-15));
        // alat positions without celldm(1)/A: alat is the length of the first cell vector, as in pw.x
        Structure alatV1 = read(ibrav0("angstrom", cell, "alat", "0.5 0.25 0.5", "")).structures().get(0);
        assertThat(alatV1.frac(0)).containsExactly(new double[] {0.5, 0.25, 0.25}, within(1e-15));
        ReadResult noUnits = read(ibrav0("", "1 0 0\n0 1 0\n0 0 2", "", "0.5 0.25 0.5", ", celldm(1)=3.0"));
        assertThat(noUnits.structures().get(0).lattice().a()).isCloseTo(3 * BOHR, within(1e-15));
        assertThat(noUnits.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.message()).contains("deprecated default"));
    }

    @Test
    void buildsTheCubicBravaisLatticesAsPwxDoes() {
        String rest = ", nat=1, ntyp=1, A=4.0\n/\nATOMIC_SPECIES\nFe 55.845 Fe.UPF\nATOMIC_POSITIONS crystal\nFe 0 0 0\n";
        assertThat(read("&system\nibrav=1" + rest).structures().get(0).lattice().matrix())
                .isDeepEqualTo(new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}});
        assertThat(read("&system\nibrav=3" + rest).structures().get(0).lattice().matrix())
                .isDeepEqualTo(new double[][] {{2, 2, 2}, {-2, 2, 2}, {-2, -2, 2}});
        assertThat(read("&system\nibrav=-3" + rest).structures().get(0).lattice().matrix())
                .isDeepEqualTo(new double[][] {{-2, 2, 2}, {2, -2, 2}, {2, 2, -2}});
        ReadResult ignored = read("&system\nibrav=2" + rest + "CELL_PARAMETERS angstrom\n1 0 0\n0 1 0\n0 0 1\n");
        assertThat(ignored.structures().get(0).lattice().matrix()).isDeepEqualTo(new double[][] {{-2, 0, 2}, {0, 2, 2}, {-2, 2, 0}});
        assertThat(ignored.warnings()).singleElement().asString().contains("CELL_PARAMETERS is ignored");
    }

    private static final String GOOD = """
            &CONTROL
              calculation = 'scf'
            /
            &SYSTEM
              ibrav = 1
              celldm(1) = 10.0
              nat = 2
              ntyp = 1
            /
            ATOMIC_SPECIES
              Cs 132.905 Cs.UPF
            ATOMIC_POSITIONS crystal
              Cs 0.0 0.0 0.0
              Cs 0.5 0.5 0.5
            K_POINTS gamma
            """;

    @Test
    void goodInputIsGood() {
        assertThat(read(GOOD).structures().get(0).size()).isEqualTo(2);
        assertThat(Structures.detectFormat("", GOOD)).isEqualTo(StructureFormat.PWSCF);
        assertThat(Structures.read(GOOD, StructureFormat.PWSCF).lattice().a()).isCloseTo(10 * BOHR, within(1e-14));
    }

    @Test
    void reportsLineColumnAndWhatWasExpected() {
        StructureParseException e = error(GOOD.replace("ibrav = 1", "ibrav = 5"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e).hasMessageContaining("test.pwi").hasMessageContaining("ibrav = 5 is not supported")
                .hasMessageContaining("0 (with CELL_PARAMETERS), 1 (simple cubic), 2 (fcc), 3 and -3 (bcc)");

        e = error(GOOD.replace("nat = 2", "nat = 3"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e).hasMessageContaining("2 atom line(s) but nat = 3 (line 7)");

        e = error(GOOD.replace("nat = 2", "nat = 1"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e).hasMessageContaining("2 atom line(s) but nat = 1");

        e = error(GOOD.replace("ntyp = 1", "ntyp = 2"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e).hasMessageContaining("1 entry but ntyp = 2");

        e = error(GOOD.replace("  Cs 0.5 0.5 0.5", "  Cl 0.5 0.5 0.5"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e).hasMessageContaining("declared in ATOMIC_SPECIES [Cs], found 'Cl'");

        e = error(GOOD.replace("0.5 0.5 0.5", "0.5 0,5 0.5"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e).hasMessageContaining("'0,5'");

        e = error(GOOD.replace("&SYSTEM", "&SYSTEX"));
        assertThat(e).hasMessageContaining("expected a &SYSTEM namelist");

        e = error(GOOD.replace("  ntyp = 1\n/", "  ntyp = 1\n"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e).hasMessageContaining("namelist &SYSTEM (line 4) is not closed: expected '/' before the card ATOMIC_SPECIES");

        e = error(GOOD.substring(0, GOOD.indexOf("/\nATOMIC")));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessageContaining("namelist &SYSTEM is not closed");

        e = error(GOOD.replace("'scf'", "'scf"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e).hasMessageContaining("closing '");

        e = error(GOOD.replace("celldm(1) = 10.0", "celldm(1) = 10.0, A = 5.3"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessageContaining("either celldm(1) or A");

        e = error(GOOD.replace("ibrav = 1", "ibrav = 0"));
        assertThat(e).hasMessageContaining("ibrav = 0 needs a CELL_PARAMETERS card");

        e = error(GOOD.replace("nat = 2", "nat = 2, nat = 2"));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e).hasMessageContaining("'nat' is set twice");

        e = error(GOOD.replace("crystal", "crystal_sg"));
        assertThat(e).hasMessageContaining("crystal_sg");

        e = error(GOOD.replace("Cs 0.0 0.0 0.0", "Cs 0.0 0.0 0.0 1 2 1"));
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.column()).isEqualTo(20);
        assertThat(e).hasMessageContaining("if_pos flag 0 or 1, found '2'");

        e = error(GOOD.replace("celldm(1) = 10.0", ""));
        assertThat(e).hasMessageContaining("needs the lattice parameter");

        e = error(GOOD.replace("ATOMIC_SPECIES", "ATOMIC_SPECIES\n  Cs 132.9 Cs2.UPF"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e).hasMessageContaining("more entries than ntyp = 1");

        e = error(GOOD.replace("  Cs 132.905 Cs.UPF", "  1X 132.905 X.UPF"));
        assertThat(e).hasMessageContaining("starts with a chemical symbol");

        e = error("garbage\n" + GOOD);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e).hasMessageContaining("expected a namelist");

        e = error(GOOD.replace("ibrav = 1", "ibrav = 0").replace("K_POINTS", "CELL_PARAMETERS {hexagonal}\n1 0 0\n0 1 0\n0 0 1\nK_POINTS"));
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e).hasMessageContaining("expected CELL_PARAMETERS unit alat, bohr or angstrom, found 'hexagonal'");

        e = error(GOOD.replace("ibrav = 1", "ibrav = 0").replace("K_POINTS", "CELL_PARAMETERS angstrom\n1 0 0\n2 0 0\n0 0 1\nK_POINTS"));
        assertThat(e.line()).isEqualTo(15);
        assertThat(e).hasMessageContaining("not a valid lattice");
        assertThat(error("")).hasMessageContaining("expected a &SYSTEM namelist");
    }

    @Test
    void refusesMoreAtomsThanTheLimit() {
        StructureParseException e = null;
        try {
            new PwscfReader().read(SourceText.of(GOOD.replace("nat = 2", "nat = 2000000000")), ReadOptions.builder().maxSites(10).build());
        } catch (StructureParseException ex) {
            e = ex;
        }
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(7);
        assertThat(e).hasMessageContaining("exceeds the limit of 10");
    }
}
