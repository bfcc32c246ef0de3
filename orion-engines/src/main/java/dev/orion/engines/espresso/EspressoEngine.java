package dev.orion.engines.espresso;

import dev.orion.ConvergenceException;
import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.OrionException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.DftParameters;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Relaxation;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engine.Stress;
import dev.orion.engine.Vector3;
import dev.orion.engines.internal.Atomistic;
import dev.orion.engines.internal.ConfinedFolder;
import dev.orion.engines.internal.ProbedVersion;
import dev.orion.io.espresso.PwscfWriter;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Quantum ESPRESSO's {@code pw.x} as an ORION engine: SCF single points and relaxations
 * ({@code relax}, or {@code vc-relax} when the cell relaxes) with {@link DftParameters}.
 *
 * <p>Inputs use {@code ibrav = 0} with {@code CELL_PARAMETERS angstrom} and crystal positions
 * (written by orion-core's {@code PwscfWriter}). Success needs exit code 0 and SCF convergence
 * ({@code convergence has been achieved}) with a {@code !} energy line: {@code JOB DONE.} alone is
 * not enough, since pw.x prints it after a failed SCF too. Non-convergence (exit 2) raises a
 * {@link ConvergenceException}; {@code Error in routine ...} an {@link EngineFailureException} of
 * kind INPUT_ERROR with pw.x's message.
 */
public final class EspressoEngine implements ProgramEngine {

    /** Where Debian's {@code quantum-espresso-data} puts pseudopotentials. */
    public static final Path DEBIAN_PSEUDO = Path.of("/usr/share/espresso/pseudo");
    /** eV per Ry (CODATA 2018, as QE 6.7's constants). */
    public static final double EV_PER_RY = 13.605693122994;
    /** Å per bohr. */
    public static final double ANGSTROM_PER_BOHR = 0.529177210903;

    static final String INPUT = "pw.in";
    static final String OUTPUT = "pw.out";

    private final String executable;
    private final ProbedVersion version;

    private EspressoEngine(Builder b) {
        this.executable = b.executable;
        this.version = ProbedVersion.of("Quantum ESPRESSO pw.x", List.of(executable, "-h"),
                Pattern.compile("Program PWSCF (v\\.\\S+)"));
    }

    /** @return a builder ({@code pw.x} on the PATH) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "espresso";
    }

    @Override
    public String version() {
        return version.get();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point", "relaxation"), Set.of("dft"), true, Set.of());
    }

    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return List.of();
        }
        if (atomistic.method().isEmpty() || !(atomistic.method().get() instanceof DftParameters dft)) {
            return List.of();
        }
        List<Path> names = new ArrayList<>();
        for (Element e : elements(atomistic.structure())) {
            pseudopotential(dft, e).ifPresent(f -> names.add(Path.of(f)));
        }
        List<String> problems = pseudoDirProblems(dft);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        return ConfinedFolder.of(dft.pseudopotentialDir()).resolveAll(name(), "pseudopotential file", names);
    }

    @Override
    public List<String> validate(Calculation calculation) {
        Objects.requireNonNull(calculation, "calculation");
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return Atomistic.refusal(name(), calculation);
        }
        List<String> problems = new ArrayList<>();
        if (calculation instanceof MolecularDynamics) {
            problems.add("the pw.x engine runs single points and relaxations, not MD");
        }
        if (!atomistic.structure().isOrdered()) {
            problems.add("the structure is disordered; pw.x needs one element per site");
        }
        if (atomistic.method().isEmpty() || !(atomistic.method().get() instanceof DftParameters dft)) {
            problems.add("pw.x needs DftParameters (Calculation.with(DftParameters...)), got "
                    + atomistic.method().map(m -> m.getClass().getSimpleName()).orElse("none"));
            return problems;
        }
        problems.addAll(pseudoDirProblems(dft));
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!Files.isDirectory(dft.pseudopotentialDir())) {
            problems.add("pseudopotential folder " + dft.pseudopotentialDir() + " does not exist");
            return problems;
        }
        ConfinedFolder folder = ConfinedFolder.of(dft.pseudopotentialDir());
        for (Element e : elements(atomistic.structure())) {
            Optional<String> file = pseudopotential(dft, e);
            Optional<String> outside = file.flatMap(f -> confinement(folder, f));
            if (file.isEmpty()) {
                problems.add("no pseudopotential for " + e.symbol() + " in " + dft.pseudopotentialDir());
            } else if (outside.isPresent()) {
                problems.add(outside.get());
            } else if (dft.pseudopotentials().containsKey(e) && !Files.isReadable(dft.pseudopotentialDir().resolve(file.get()))) {
                problems.add("pseudopotential file " + dft.pseudopotentialDir().resolve(file.get()) + " for "
                        + e.symbol() + " does not exist");
            }
        }
        return problems;
    }

    /** pseudo_dir is written between single quotes: a quote or a control character would end the namelist value. */
    private static List<String> pseudoDirProblems(DftParameters dft) {
        String dir = dft.pseudopotentialDir().toAbsolutePath().toString();
        if (dir.indexOf('\'') >= 0 || ConfinedFolder.controlCharacter(dir).isPresent()) {
            return List.of("pseudopotential folder '" + dir.replace("\n", "\\n")
                    + "' holds a quote or a control character, which a pw.x namelist cannot hold");
        }
        return List.of();
    }

    /** A pseudopotential is a file of its folder: no path out of it, no control character. */
    private static Optional<String> confinement(ConfinedFolder folder, String file) {
        try {
            return folder.problem("pseudopotential file", Path.of(file));
        } catch (InvalidPathException e) {
            return Optional.of("pseudopotential file '" + file.replace("\0", "\\0") + "' is not a file name: "
                    + e.getReason());
        }
    }

    private static List<Element> elements(Structure s) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Element e = s.site(i).mainSpecies().element();
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The explicit file, else the first {@code *.UPF} in the folder named like {@code Si.xxx.UPF} or {@code Si_xxx.UPF}. */
    static Optional<String> pseudopotential(DftParameters dft, Element e) {
        String explicit = dft.pseudopotentials().get(e);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        try (Stream<Path> files = Files.list(dft.pseudopotentialDir())) {
            String sym = e.symbol().toLowerCase(Locale.ROOT);
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".upf"))
                    .filter(n -> {
                        String l = n.toLowerCase(Locale.ROOT);
                        return l.startsWith(sym) && l.length() > sym.length() && !Character.isLetter(l.charAt(sym.length()));
                    })
                    .sorted().findFirst();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    @Override
    public ProgramRun prepare(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        AtomisticCalculation atomistic = (AtomisticCalculation) calculation;
        DftParameters dft = (DftParameters) atomistic.method().orElseThrow();
        Structure s = atomistic.structure();
        Map<String, Object> pseudos = new LinkedHashMap<>();
        for (Element e : elements(s)) {
            pseudos.put(e.symbol(), pseudopotential(dft, e).orElseThrow());
        }
        String cards = new PwscfWriter(dft.ecutwfcRy()).write(s.newBuilder().property("pseudopotentials", pseudos).build());
        cards = cards.substring(cards.indexOf("ATOMIC_SPECIES"), cards.indexOf("K_POINTS"));
        StringBuilder in = new StringBuilder(2048);
        String mode = calculation instanceof Relaxation r ? (r.relaxCell() ? "vc-relax" : "relax") : "scf";
        in.append("&CONTROL\n  calculation = '").append(mode).append("'\n  prefix = 'orion'\n  outdir = './tmp'\n")
                .append("  pseudo_dir = '").append(dft.pseudopotentialDir().toAbsolutePath()).append("'\n")
                .append("  tprnfor = .true.\n  tstress = .true.\n");
        if (calculation instanceof Relaxation r) {
            in.append("  nstep = ").append(r.maxSteps()).append('\n');
            if (r.forceTolerance() > 0) {
                in.append("  forc_conv_thr = ").append(fortran(r.forceTolerance() / (EV_PER_RY / ANGSTROM_PER_BOHR))).append('\n');
            }
        }
        in.append("/\n&SYSTEM\n  ibrav = 0\n  nat = ").append(s.size()).append("\n  ntyp = ").append(pseudos.size())
                .append("\n  ecutwfc = ").append(fortran(dft.ecutwfcRy())).append("\n  ecutrho = ")
                .append(fortran(dft.ecutrhoRy())).append('\n');
        dft.smearing().ifPresent(sm -> in.append("  occupations = 'smearing'\n  smearing = '").append(sm.type())
                .append("'\n  degauss = ").append(fortran(sm.degauss())).append('\n'));
        in.append("/\n&ELECTRONS\n  conv_thr = ").append(fortran(dft.convThrRy())).append("\n  electron_maxstep = ")
                .append(dft.maxScfSteps()).append("\n/\n");
        if (calculation instanceof Relaxation r) {
            in.append("&IONS\n/\n");
            if (r.relaxCell()) {
                in.append("&CELL\n  press = ").append(fortran(r.pressureGPa() / Stress.GPA_PER_KBAR)).append("\n/\n");
            }
        }
        in.append(cards);
        int[] k = kGrid(s.lattice(), dft);
        in.append("K_POINTS automatic\n  ").append(k[0]).append(' ').append(k[1]).append(' ').append(k[2]).append(" 0 0 0\n");
        try {
            Files.writeString(workDir.resolve(INPUT), in.toString());
        } catch (IOException e) {
            throw new OrionException("cannot write the pw.x input into " + workDir + ": " + e.getMessage(), e);
        }
        // pw.x writes its report on stdout; -in avoids the input_tmp.in that "pw.x < file" leaves behind
        return new ProgramRun(workDir, List.of(executable, "-in", INPUT), Map.of("OMP_NUM_THREADS", "1"),
                List.of(INPUT), executable);
    }

    /** @return the Monkhorst-Pack grid: explicit, or n_i = max(1, ceil(|b_i| / kSpacing)) */
    static int[] kGrid(Lattice lattice, DftParameters dft) {
        if (dft.kGrid().isPresent()) {
            return dft.kGrid().get().stream().mapToInt(Integer::intValue).toArray();
        }
        Lattice rec = lattice.reciprocal();
        int[] k = new int[3];
        for (int i = 0; i < 3; i++) {
            double[] b = rec.vector(i);
            double len = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
            k[i] = Math.max(1, (int) Math.ceil(len / dft.kSpacing() - 1e-9));
        }
        return k;
    }

    /** A Fortran double literal: {@code 1.0d-8}, {@code 20.0}. */
    static String fortran(double v) {
        return Double.toString(v).replace('E', 'd');
    }

    @Override
    public CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome) {
        String text;
        try {
            text = Files.isRegularFile(outcome.stdout()) ? Files.readString(outcome.stdout()) : "";
        } catch (IOException e) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                    "cannot read " + outcome.stdout() + ": " + e.getMessage(), outcome.exitCode(), e);
        }
        PwOutput out = PwOutput.parse(text);
        Optional<Integer> exit = outcome.exitCode();
        if (out.error.isPresent()) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.INPUT_ERROR, out.error.get(), exit);
        }
        if (out.notConverged.isPresent()) {
            throw new ConvergenceException(name(), out.notConverged.get(), out.notConvergedIterations, exit);
        }
        boolean ok = outcome.state() == RunState.COMPLETED && exit.filter(c -> c == 0).isPresent()
                && !out.energiesRy.isEmpty() && !out.scfIterations.isEmpty();
        if (!ok) {
            throw failure(outcome, out);
        }
        return result((AtomisticCalculation) calculation, run, outcome, out);
    }

    private EngineFailureException failure(RunOutcome outcome, PwOutput out) {
        EngineFailureException.Kind kind;
        switch (outcome.state()) {
            case CANCELLED: kind = EngineFailureException.Kind.CANCELLED; break;
            case TIMEOUT: kind = EngineFailureException.Kind.TIMED_OUT; break;
            case OUT_OF_MEMORY: case NODE_FAIL: case PREEMPTED: case UNKNOWN:
                kind = EngineFailureException.Kind.EXECUTION_ERROR; break;
            default: kind = EngineFailureException.Kind.CRASHED;
        }
        String stderr;
        try {
            stderr = Files.isRegularFile(outcome.stderr()) ? Files.readString(outcome.stderr()).strip() : "";
        } catch (IOException e) {
            stderr = "";
        }
        if (stderr.length() > 2000) {
            stderr = stderr.substring(stderr.length() - 2000);
        }
        String why = out.energiesRy.isEmpty() ? "no '!    total energy' line" : "no SCF convergence line";
        String msg = (outcome.reason().isBlank() ? "" : outcome.reason() + "; ") + why
                + (out.jobDone ? " although pw.x printed JOB DONE." : "") + (stderr.isEmpty() ? "" : "; stderr: " + stderr);
        return new EngineFailureException(name(), kind, msg, outcome.exitCode());
    }

    private CalculationResult result(AtomisticCalculation calc, ProgramRun run, RunOutcome outcome, PwOutput out) {
        Structure input = calc.structure();
        double ry = out.energiesRy.get(out.energiesRy.size() - 1);
        double evPerAngstromPerRyBohr = EV_PER_RY / ANGSTROM_PER_BOHR;
        List<Vector3> forces = new ArrayList<>();
        for (double[] f : out.forcesRyPerBohr) {
            forces.add(new Vector3(f[0] * evPerAngstromPerRyBohr, f[1] * evPerAngstromPerRyBohr, f[2] * evPerAngstromPerRyBohr));
        }
        CalculationResult.Builder b = CalculationResult.builder(name(), ry * EV_PER_RY, input.size())
                .engineVersion(out.version.orElse(version()))
                .value("energy_ry", ry)
                .wallTime(outcome.wallTime())
                .outputFile("stdout", outcome.stdout())
                .outputFile("input", run.workDir().resolve(INPUT));
        if (forces.size() == input.size()) {
            b.forces(forces);
        }
        out.stressKbar.ifPresent(s -> {
            double[][] gpa = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    gpa[i][j] = s[i][j] * Stress.GPA_PER_KBAR;
                }
            }
            b.stress(Stress.of(gpa));
        });
        int totalScf = out.scfIterations.stream().mapToInt(Integer::intValue).sum();
        if (calc instanceof Relaxation) {
            b.convergence(new Convergence(out.relaxConverged, out.energiesRy.size(),
                    out.relaxEnd.orElse("relaxation did not report its end")));
            b.value("scf_iterations", totalScf);
            b.finalStructure(finalStructure(input, out));
            for (int i = 0; i < out.energiesRy.size(); i++) {
                b.frame(new dev.orion.engine.Frame(i, out.energiesRy.get(i) * EV_PER_RY, 0, Optional.empty(), Optional.empty()));
            }
        } else {
            b.convergence(new Convergence(true, totalScf, "scf convergence achieved"));
        }
        return b.build();
    }

    private static Structure finalStructure(Structure input, PwOutput out) {
        Lattice lattice = input.lattice();
        if (out.finalCell.size() == 3) {
            String header = out.finalCellHeader.orElse("");
            double scale = 1;
            java.util.regex.Matcher m = Pattern.compile("alat=\\s*([-0-9.]+)").matcher(header);
            if (m.find()) {
                scale = Double.parseDouble(m.group(1)) * ANGSTROM_PER_BOHR;
            } else if (header.contains("bohr")) {
                scale = ANGSTROM_PER_BOHR;
            }
            double[][] rows = new double[3][3];
            for (int i = 0; i < 3; i++) {
                String[] p = out.finalCell.get(i).split("\\s+");
                for (int j = 0; j < 3; j++) {
                    rows[i][j] = Double.parseDouble(p[j]) * scale;
                }
            }
            lattice = Lattice.of(rows);
        }
        if (out.finalPositions.size() != input.size() || !out.finalPositionsHeader.orElse("").contains("crystal")) {
            return input.withLattice(lattice);
        }
        var sb = Structure.builder().lattice(lattice);
        for (int i = 0; i < input.size(); i++) {
            String[] p = out.finalPositions.get(i).split("\\s+");
            sb.addSite(input.site(i).toBuilder().frac(Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3])).build());
        }
        return sb.build();
    }

    /** Configures an {@link EspressoEngine}. */
    public static final class Builder {
        private String executable = "pw.x";

        private Builder() {
        }

        /** @param program the pw.x binary, a name on the PATH or a path  @return this */
        public Builder executable(String program) {
            this.executable = Objects.requireNonNull(program, "executable");
            return this;
        }

        /** @return the engine */
        public EspressoEngine build() {
            return new EspressoEngine(this);
        }
    }
}
