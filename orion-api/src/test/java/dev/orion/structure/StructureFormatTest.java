package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructureFormatTest {

    @ParameterizedTest
    @CsvSource({
        "Cu.cif, CIF", "/data/x/NaCl.CIF, CIF", "Cu.cif.gz, CIF", "POSCAR, POSCAR", "CONTCAR, POSCAR",
        "POSCAR-195-2, POSCAR", "run/contcar_relaxed, POSCAR", "Si.vasp, POSCAR", "h2o.xyz, XYZ",
        "traj.extxyz, EXTXYZ", "cu.data, LAMMPS_DATA", "data.lj, LAMMPS_DATA", "cell.lmp, LAMMPS_DATA",
        "si.pwi, PWSCF", "si.scf.pw.in, PWSCF", "s.json, JSON",
    })
    void recognisesNames(String name, StructureFormat expected) {
        assertThat(StructureFormat.fromFileName(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in.lammps.in", "si.in", "README", "notes.txt", ""})
    void ambiguousNamesAreNotClaimed(String name) {
        assertThat(StructureFormat.fromFileName(name)).isEmpty();
    }
}
