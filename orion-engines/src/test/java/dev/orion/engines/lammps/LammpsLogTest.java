package dev.orion.engines.lammps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engines.TestPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LammpsLogTest {

    private static String fixture(String name) throws Exception {
        return Files.readString(TestPrograms.samples().resolve("lammps").resolve(name));
    }

    @Test
    void minimisationLogGivesThermoRowsCriterionAndIterations() throws Exception {
        LammpsLog log = LammpsLog.parse(fixture("log.cu_min"));
        assertThat(log.version).contains("LAMMPS 29 Sep 2021 - Update 2");
        assertThat(log.blocks).hasSize(1);
        LammpsLog.ThermoBlock block = log.blocks.get(0);
        assertThat(block.columns()).containsExactly("Step", "PotEng", "Lx", "Press");
        assertThat(block.rows()).hasSize(3);
        assertThat(block.last("PotEng")).isEqualTo(-113.28);
        assertThat(block.last("Lx")).isEqualTo(7.23);
        assertThat(block.rows().get(0)[3]).isEqualTo(-37612.69);
        assertThat(log.stoppingCriterion).contains("energy tolerance");
        assertThat(log.iterations).isEqualTo(12);
        assertThat(log.error).isEmpty();
        assertThat(log.finished).isFalse();
    }

    @Test
    void mdLogGivesAllRowsOfTheBlock() throws Exception {
        LammpsLog log = LammpsLog.parse(fixture("log.lammps"));
        assertThat(log.blocks).hasSize(1);
        LammpsLog.ThermoBlock block = log.blocks.get(0);
        assertThat(block.columns()).containsExactly("Step", "Temp", "E_pair", "E_mol", "TotEng", "Press");
        assertThat(block.rows()).hasSize(11);
        assertThat(block.rows().get(10)[0]).isEqualTo(500);
        assertThat(block.last("TotEng")).isCloseTo(-2.2830864, within(1e-12));
    }

    @Test
    void errorLogGivesTheMessageAndTheLastCommand() throws Exception {
        LammpsLog log = LammpsLog.parse(fixture("log.bad"));
        assertThat(log.error).hasValueSatisfying(e -> assertThat(e)
                .startsWith("cannot open eam potential file /usr/share/lammps/potentials/Cu_missing.eam"));
        assertThat(log.lastCommand).contains("pair_coeff      1 1 /usr/share/lammps/potentials/Cu_missing.eam");
        assertThat(log.errorMessage().orElseThrow()).contains("No such file or directory").contains("last command: pair_coeff");
        assertThat(log.blocks).isEmpty();
    }

    @Test
    void rowsInterruptedByWarningsAreKeptAndTruncatedLogsDoNotFail() {
        String text = "LAMMPS (1 Jan 2020)\nStep PotEng \n 0 -1.5 \nWARNING: something\n 10 -2.5 \n";
        LammpsLog log = LammpsLog.parse(text);
        assertThat(log.blocks.get(0).rows()).hasSize(2);
        assertThat(log.blocks.get(0).last("PotEng")).isEqualTo(-2.5);
        assertThat(log.version).contains("LAMMPS 1 Jan 2020");
    }

    @Test
    void dumpOfATriclinicBoxGivesTheBoxFromItsBounds() {
        String dump = "ITEM: TIMESTEP\n7\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS xy xz yz pp pp pp\n"
                + "-0.5 4.5 1.0\n0 4 -0.5\n0 3 -0.5\nITEM: ATOMS id type x y z fx fy fz\n"
                + "2 1 1 1 1 0.1 0.2 0.3\n1 1 0 0 0 -0.1 -0.2 -0.3\n";
        LammpsDump.Snapshot s = LammpsDump.parse(dump).get(0);
        assertThat(s.step()).isEqualTo(7);
        // xlo_bound = xlo + min(0, xy, xz, xy+xz) = 0 - 0.5; xhi_bound = xhi + max(...) = 3.5 + 1
        assertThat(s.box()[0]).containsExactly(3.5, 0, 0);
        assertThat(s.box()[1]).containsExactly(1.0, 3.5, 0);
        assertThat(s.box()[2]).containsExactly(-0.5, -0.5, 3.0);
        assertThat(s.box()[3]).containsExactly(0.0, 0.5, 0.0);
        assertThat(s.column3(0, "fx", "fy", "fz")).containsExactly(-0.1, -0.2, -0.3);
    }

    @Test
    void inputScriptFlushesTheLogAndMapsTypesInOrderOfAppearance() {
        var cu = dev.orion.structure.Element.of("Cu");
        var ni = dev.orion.structure.Element.of("Ni");
        var s = dev.orion.structure.Structure.builder().lattice(dev.orion.structure.Lattice.cubic(3.6))
                .addSite(ni, 0, 0, 0).addSite(cu, 0.5, 0.5, 0).build();
        var calc = dev.orion.engine.Calculation.relax(s).withCell(true)
                .with(dev.orion.engine.Potential.eamAlloy(Path.of("CuNi.eam.alloy"), cu, ni));
        String script = LammpsInput.script(calc, (dev.orion.engine.Potential) calc.method().orElseThrow(),
                Path.of("/p/CuNi.eam.alloy"), Path.of("/p/CuNi.eam.alloy"), 1.5);
        assertThat(script).contains("thermo_modify   flush yes").contains("neighbor        1.5 bin\n")
                .contains("pair_coeff      * * \"/p/CuNi.eam.alloy\" Ni Cu\n")
                .contains("fix             orion_relax all box/relax iso 0 vmax 0.001")
                .contains("minimize        1.0E-12 1.0E-6 1000 10000");
    }
}
