package dev.orion.io;

import dev.orion.io.internal.SourceText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.StructureParseException;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import org.junit.jupiter.api.Test;

/** Hostile numbers in every reader meet the same cell limits (those of the CIF reader) and a safe maxSites. */
class ReaderLimitsTest {

    private static final String PWSCF = """
            &CONTROL
            /
            &SYSTEM
              ibrav = 1
              celldm(1) = %s
              nat = 1
              ntyp = 1
            /
            ATOMIC_SPECIES
              Cs 132.905 Cs.UPF
            ATOMIC_POSITIONS crystal
              Cs 0.0 0.0 0.0
            K_POINTS gamma
            """;

    private static final String POSCAR = """
            Cu
            %s
              3.6 0.0 0.0
              0.0 3.6 0.0
              0.0 0.0 3.6
            Cu
            1
            Direct
              0 0 0
            """;

    private static void refused(String text, StructureFormat format, String... fragments) {
        assertThatThrownBy(() -> Structures.read(text, format)).isInstanceOf(StructureParseException.class)
                .hasMessageContaining("refused").hasMessageContainingAll(fragments);
    }

    @Test
    void pwscfCelldmOf1e308IsRefusedNotACellOfInfiniteVolume() {
        refused(PWSCF.formatted("1e308"), StructureFormat.PWSCF, "lattice vector a");
        refused(PWSCF.replace("celldm(1) = %s", "A = %s").formatted("2e6"), StructureFormat.PWSCF, "2000000.0");
        String cellParameters = PWSCF.replace("ibrav = 1", "ibrav = 0").replace("  celldm(1) = %s\n", "")
                .replace("K_POINTS gamma", "CELL_PARAMETERS angstrom\n 1e300 0 0\n 0 1 0\n 0 0 1\nK_POINTS gamma");
        refused(cellParameters, StructureFormat.PWSCF, "1.0E300");
        assertThat(Structures.read(PWSCF.formatted("10.0"), StructureFormat.PWSCF).lattice().a())
                .isBetween(5.29, 5.30);
    }

    @Test
    void poscarScaleOfMinus1e308IsRefusedNotACellOf1e102Angstrom() {
        refused(POSCAR.formatted("-1e308"), StructureFormat.POSCAR, "lattice vector a");
        refused(POSCAR.formatted("1e300"), StructureFormat.POSCAR, "3.6E300");
        assertThat(Structures.read(POSCAR.formatted("-46.656"), StructureFormat.POSCAR).volume())
                .isCloseTo(46.656, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void lammpsDataAndXyzLatticesMeetTheSameLimit() {
        String data = """
                LAMMPS data

                1 atoms
                1 atom types

                0 1e300 xlo xhi
                0 3.6 ylo yhi
                0 3.6 zlo zhi

                Masses

                1 63.546

                Atoms # atomic

                1 1 0 0 0
                """;
        refused(data, StructureFormat.LAMMPS_DATA, "lattice vector a");
        String xyz = "1\nLattice=\"1e7 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nCu 0 0 0\n";
        refused(xyz, StructureFormat.EXTXYZ, "1.0E7");
        String json = Structures.write(Structure.builder().lattice(dev.orion.structure.Lattice.cubic(2e6))
                .addSite(dev.orion.structure.Element.of("Cu"), 0, 0, 0).build(), StructureFormat.JSON);
        refused(json, StructureFormat.JSON, "lattice vector a");
    }

    @Test
    void theDefaultMaxSitesIsSafeForUntrustedInputAndCanBeRaised() {
        assertThat(ReadOptions.defaults().maxSites()).isEqualTo(100_000);
        String declared = "1000000\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nCu 0 0 0\n";
        assertThatThrownBy(() -> Structures.read(declared, StructureFormat.EXTXYZ))
                .isInstanceOf(StructureParseException.class).hasMessageContaining("maxSites")
                .hasMessageContaining("100000");
        StringBuilder big = new StringBuilder("100001\nLattice=\"300 0 0 0 300 0 0 0 300\" "
                + "Properties=species:S:1:pos:R:3\n");
        for (int i = 0; i < 100_001; i++) {
            big.append("Cu ").append(i % 100 * 3).append(' ').append(i / 100 % 100 * 3).append(' ')
                    .append(i / 10_000 * 3).append('\n');
        }
        String text = big.toString();
        assertThatThrownBy(() -> Structures.read(text, StructureFormat.EXTXYZ))
                .isInstanceOf(StructureParseException.class).hasMessageContaining("maxSites");
        ReadOptions raised = ReadOptions.builder().maxSites(200_000).build();
        assertThat(Structures.readAll(SourceText.of(text), StructureFormat.EXTXYZ, raised).structures().get(0).size())
                .isEqualTo(100_001);
    }
}
