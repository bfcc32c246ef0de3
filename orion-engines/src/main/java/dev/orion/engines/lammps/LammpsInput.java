package dev.orion.engines.lammps;

import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.Ensemble;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Relaxation;
import dev.orion.engine.SinglePoint;
import dev.orion.engine.Thermostat;
import dev.orion.engines.internal.AtomTypes;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the LAMMPS input script of a calculation. Atom types follow the data file: each element
 * numbered by its first appearance in the structure (as {@code LammpsDataWriter} numbers them).
 */
final class LammpsInput {

    static final String DATA_FILE = "data.orion";
    static final String INPUT_FILE = "in.orion";
    static final String LOG_FILE = "log.lammps";
    static final String FINAL_DUMP = "final.dump";
    static final String TRAJECTORY_DUMP = "trajectory.dump";
    static final String DONE_MARKER = "ORION_DONE";
    static final double BAR_PER_GPA = 1e4;
    /** LAMMPS's own neighbour skin for metal units, Å. */
    static final double DEFAULT_SKIN = 2.0;

    private LammpsInput() {
    }

    static String script(AtomisticCalculation calc, Potential potential, Path potentialFile, Path secondFile,
                         double skin) {
        Structure s = calc.structure();
        List<Element> types = AtomTypes.order(s);
        StringBuilder in = new StringBuilder(1024);
        in.append("# written by ORION: ").append(calc.kind()).append(" of ").append(s.formula()).append('\n');
        in.append("units           metal\n");
        in.append("atom_style      atomic\n");
        in.append("boundary        p p p\n");
        in.append("read_data       ").append(DATA_FILE).append('\n');
        pair(in, potential, types, potentialFile, secondFile);
        in.append("neighbor        ").append(num(skin)).append(" bin\n");
        in.append("thermo_style    custom step pe ke temp press pxx pyy pzz pyz pxz pxy lx ly lz xy xz yz\n");
        in.append("thermo_modify   flush yes norm no format float %.15g\n");
        if (calc instanceof SinglePoint) {
            in.append("thermo          1\n");
            in.append("run             0\n");
        } else if (calc instanceof Relaxation r) {
            in.append("thermo          10\n");
            if (r.relaxCell()) {
                in.append("fix             orion_relax all box/relax ").append(boxMode(s.lattice())).append(' ')
                        .append(num(r.pressureGPa() * BAR_PER_GPA)).append(" vmax 0.001\n");
            }
            in.append("min_style       cg\n");
            in.append("minimize        ").append(num(r.energyTolerance())).append(' ').append(num(r.forceTolerance()))
                    .append(' ').append(r.maxSteps()).append(' ').append(10L * r.maxSteps()).append('\n');
        } else if (calc instanceof MolecularDynamics md) {
            double dtPs = md.timeStepFs() / 1000;
            in.append("timestep        ").append(num(dtPs)).append('\n');
            if (md.temperatureK() > 0) {
                in.append("velocity        all create ").append(num(md.temperatureK())).append(' ').append(md.seed())
                        .append(" dist gaussian mom yes rot yes\n");
            }
            String t = num(md.temperatureK());
            String tdamp = num(md.temperatureDampingFs() / 1000);
            String pdamp = num(md.pressureDampingFs() / 1000);
            String p = num(md.pressureGPa() * BAR_PER_GPA);
            if (md.ensemble() == Ensemble.NVE) {
                in.append("fix             orion_md all nve\n");
            } else if (md.thermostat() == Thermostat.LANGEVIN) {
                in.append("fix             orion_md all ").append(md.ensemble() == Ensemble.NVT ? "nve"
                        : "nph " + boxMode(s.lattice()) + ' ' + p + ' ' + p + ' ' + pdamp).append('\n');
                in.append("fix             orion_thermostat all langevin ").append(t).append(' ').append(t).append(' ')
                        .append(tdamp).append(' ').append(md.seed()).append(" zero yes\n");
            } else if (md.ensemble() == Ensemble.NVT) {
                in.append("fix             orion_md all nvt temp ").append(t).append(' ').append(t).append(' ')
                        .append(tdamp).append('\n');
            } else {
                in.append("fix             orion_md all npt temp ").append(t).append(' ').append(t).append(' ')
                        .append(tdamp).append(' ').append(boxMode(s.lattice())).append(' ').append(p)
                        .append(' ').append(p).append(' ').append(pdamp).append('\n');
            }
            in.append("thermo          ").append(md.sampleEvery()).append('\n');
            in.append("dump            orion_traj all custom ").append(md.sampleEvery()).append(' ')
                    .append(TRAJECTORY_DUMP).append(" id type x y z\n");
            in.append("dump_modify     orion_traj sort id format float %.15g\n");
            in.append("run             ").append(md.steps()).append('\n');
        }
        in.append("write_dump      all custom ").append(FINAL_DUMP)
                .append(" id type x y z fx fy fz modify sort id format float %.17g\n");
        in.append("print           \"").append(DONE_MARKER).append("\"\n");
        return in.toString();
    }

    private static void pair(StringBuilder in, Potential potential, List<Element> types, Path file, Path second) {
        if (potential instanceof Potential.Eam eam) {
            in.append("pair_style      eam\n");
            for (int t = 1; t <= types.size(); t++) {
                if (types.get(t - 1) == eam.element()) {
                    in.append("pair_coeff      ").append(t).append(' ').append(t).append(' ').append(quoted(file))
                            .append('\n');
                }
            }
        } else if (potential instanceof Potential.LennardJones lj) {
            in.append("pair_style      lj/cut ").append(num(lj.cutoff())).append('\n');
            for (int i = 1; i <= types.size(); i++) {
                for (int j = i; j <= types.size(); j++) {
                    Potential.LjParameters p = lj.pair(types.get(i - 1), types.get(j - 1));
                    in.append("pair_coeff      ").append(i).append(' ').append(j).append(' ').append(num(p.epsilon()))
                            .append(' ').append(num(p.sigma())).append('\n');
                }
            }
        } else {
            in.append("pair_style      ").append(potential.pairStyle()).append('\n');
            in.append("pair_coeff      * * ").append(quoted(file));
            if (potential instanceof Potential.ManyBody mb && mb.style().equals("meam")) {
                elements(in, mb.species());
                in.append(' ').append(quoted(second));
            }
            elements(in, types);
            in.append('\n');
        }
    }

    private static void elements(StringBuilder in, List<Element> elements) {
        for (Element e : elements) {
            in.append(' ').append(e.symbol());
        }
    }

    /**
     * A file name as one LAMMPS word: in double quotes (single quotes when it holds a double quote),
     * inside which LAMMPS neither ends the word at a space nor reads {@code #} as a comment or
     * {@code $} as a variable. Names with control characters never get here ({@code ConfinedFolder}).
     *
     * @throws IllegalArgumentException if the name holds both quote characters
     */
    static String quoted(Path file) {
        String text = file.toString();
        quotingProblem(file).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return text.indexOf('"') < 0 ? '"' + text + '"' : '\'' + text + '\'';
    }

    /** @return why {@code file} cannot be quoted for LAMMPS, if it cannot */
    static Optional<String> quotingProblem(Path file) {
        String text = file.toString();
        return text.indexOf('"') >= 0 && text.indexOf('\'') >= 0
                ? Optional.of("potential file '" + text + "' holds both ' and \", which a LAMMPS input cannot quote")
                : Optional.empty();
    }

    /** iso for a cubic-like orthogonal box, aniso for other orthogonal boxes, tri for triclinic ones. */
    static String boxMode(Lattice l) {
        double tol = 1e-8 * Math.max(l.a(), Math.max(l.b(), l.c()));
        boolean orthogonal = Math.abs(l.alpha() - 90) < 1e-8 && Math.abs(l.beta() - 90) < 1e-8
                && Math.abs(l.gamma() - 90) < 1e-8;
        if (!orthogonal) {
            return "tri";
        }
        boolean cubic = Math.abs(l.a() - l.b()) < tol && Math.abs(l.a() - l.c()) < tol;
        return cubic ? "iso" : "aniso";
    }

    /** Shortest exact decimal (LAMMPS reads numbers with atof, exponents included). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
