package dev.orion.engines.lammps;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.OrionException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Frame;
import dev.orion.engine.Method;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Relaxation;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engine.Stress;
import dev.orion.engine.Vector3;
import dev.orion.engines.internal.Atomistic;
import dev.orion.engines.internal.AtomTypes;
import dev.orion.engines.internal.ConfinedFolder;
import dev.orion.engines.internal.ProbedVersion;
import dev.orion.io.lammps.LammpsDataWriter;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LAMMPS ({@code lmp}) as an ORION engine: single points, relaxations (positions, optionally the
 * cell through {@code fix box/relax}) and MD (NVE, NVT, NPT) with eam, eam/alloy, eam/fs, lj/cut,
 * tersoff, sw and meam potentials, in {@code metal} units.
 *
 * <pre>{@code
 * LammpsEngine lammps = LammpsEngine.builder().build();          // lmp on the PATH
 * Calculation relax = Calculation.relax(cu).withCell(true)
 *         .with(Potential.eam(Path.of("Cu_u3.eam"), Element.of("Cu")));
 * }</pre>
 *
 * <p>The run: {@code lmp -in in.orion -log log.lammps -screen none -echo none -nocite} with
 * {@code OMP_NUM_THREADS=1}; the log is flushed at every thermo output so a running job can be
 * followed. Success needs exit code 0 and the marker the script prints last; otherwise LAMMPS's
 * {@code ERROR} line and {@code Last command} become an {@link EngineFailureException}.
 */
public final class LammpsEngine implements ProgramEngine {

    /** Where Debian's {@code lammps-data} puts the potential files. */
    public static final Path DEBIAN_POTENTIALS = Path.of("/usr/share/lammps/potentials");

    private static final Set<String> STYLES = Set.of("eam", "eam/alloy", "eam/fs", "lj/cut", "tersoff", "sw", "meam");

    private final String executable;
    private final ConfinedFolder potentials;
    private final ProbedVersion version;
    private final double neighborSkin;

    private LammpsEngine(Builder b) {
        this.executable = b.executable;
        this.neighborSkin = b.neighborSkin;
        this.potentials = ConfinedFolder.of(b.potentialDir);
        this.version = ProbedVersion.of("LAMMPS", List.of(executable, "-h"),
                Pattern.compile("Massively Parallel Simulator - ([^\\n]+)"));
    }

    /** @return a builder: {@code lmp} on the PATH, potentials from {@code $LAMMPS_POTENTIALS} or Debian's folder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "lammps";
    }

    @Override
    public String version() {
        return version.get();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point", "relaxation", "md"), STYLES, true, Set.of(Ensemble.values()));
    }

    /**
     * @param file a potential file as given
     * @return it resolved against the potential folder if relative, normalised (whether it stays inside
     *         the folder is checked by {@link #validate})
     */
    public Path resolve(Path file) {
        return potentials.resolve(file);
    }

    /**
     * @throws InvalidCalculationException if a potential file is outside the potential folder or its
     *                                     name holds a control character
     */
    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return List.of();
        }
        return atomistic.method().filter(Potential.class::isInstance)
                .map(m -> confined((Potential) m)).orElse(List.of());
    }

    private List<Path> confined(Potential p) {
        return potentials.resolveAll(name(), "potential file", p.files());
    }

    @Override
    public List<String> validate(Calculation calculation) {
        Objects.requireNonNull(calculation, "calculation");
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return Atomistic.refusal(name(), calculation);
        }
        List<String> problems = new ArrayList<>();
        Structure s = atomistic.structure();
        if (!s.isOrdered()) {
            problems.add("the structure is disordered; LAMMPS needs one element per site");
        }
        Optional<Method> method = atomistic.method();
        if (method.isEmpty() || !(method.get() instanceof Potential)) {
            problems.add("LAMMPS needs an interatomic potential (Calculation.with(Potential...)), got "
                    + method.map(m -> m.getClass().getSimpleName()).orElse("none"));
            return problems;
        }
        Potential p = (Potential) method.get();
        if (!STYLES.contains(p.pairStyle())) {
            problems.add("pair style " + p.pairStyle() + " is not supported");
        }
        if (s.isOrdered()) {
            for (Element e : AtomTypes.order(s)) {
                if (!p.elements().contains(e)) {
                    problems.add("the potential (" + p.pairStyle() + ") does not cover element " + e.symbol()
                            + " of the structure; it covers " + p.elements());
                }
            }
        }
        List<String> fileProblems = potentials.problems("potential file", p.files());
        problems.addAll(fileProblems);
        if (fileProblems.isEmpty()) {
            p.files().forEach(f -> LammpsInput.quotingProblem(resolve(f)).ifPresent(problems::add));
        }
        return problems;
    }

    @Override
    public ProgramRun prepare(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        AtomisticCalculation atomistic = (AtomisticCalculation) calculation;
        Potential p = (Potential) atomistic.method().orElseThrow();
        List<Path> files = confined(p);
        String script = LammpsInput.script(atomistic, p, files.isEmpty() ? null : files.get(0),
                files.size() > 1 ? files.get(1) : files.isEmpty() ? null : files.get(0), neighborSkin);
        try {
            Files.writeString(workDir.resolve(LammpsInput.DATA_FILE), new LammpsDataWriter().write(atomistic.structure()));
            Files.writeString(workDir.resolve(LammpsInput.INPUT_FILE), script);
        } catch (IOException e) {
            throw new OrionException("cannot write LAMMPS inputs into " + workDir + ": " + e.getMessage(), e);
        }
        return new ProgramRun(workDir, List.of(executable, "-in", LammpsInput.INPUT_FILE, "-log", LammpsInput.LOG_FILE,
                "-screen", "none", "-echo", "none", "-nocite"), Map.of("OMP_NUM_THREADS", "1"),
                List.of(LammpsInput.DATA_FILE, LammpsInput.INPUT_FILE), executable);
    }

    @Override
    public CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome) {
        Path dir = run.workDir();
        Path logFile = dir.resolve(LammpsInput.LOG_FILE);
        LammpsLog log = LammpsLog.parse(read(logFile).orElse(""));
        Optional<Integer> exit = outcome.exitCode();
        if (log.errorMessage().isPresent()) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.INPUT_ERROR, log.errorMessage().get(), exit);
        }
        if (outcome.state() != RunState.COMPLETED || exit.filter(c -> c == 0).isEmpty() || !log.finished) {
            throw failure(outcome, dir);
        }
        return result((AtomisticCalculation) calculation, log, dir, outcome);
    }

    private EngineFailureException failure(RunOutcome outcome, Path dir) {
        String stderr = read(outcome.stderr()).orElse("").strip();
        String tail = stderr.length() > 2000 ? stderr.substring(stderr.length() - 2000) : stderr;
        EngineFailureException.Kind kind;
        switch (outcome.state()) {
            case CANCELLED: kind = EngineFailureException.Kind.CANCELLED; break;
            case TIMEOUT: kind = EngineFailureException.Kind.TIMED_OUT; break;
            case OUT_OF_MEMORY: case NODE_FAIL: case PREEMPTED: case UNKNOWN:
                kind = EngineFailureException.Kind.EXECUTION_ERROR; break;
            default: kind = EngineFailureException.Kind.CRASHED;
        }
        String message = (outcome.reason().isBlank() ? "" : outcome.reason() + "; ")
                + (tail.isEmpty() ? "no result in " + dir.resolve(LammpsInput.LOG_FILE) : tail);
        return new EngineFailureException(name(), kind, message, outcome.exitCode());
    }

    private CalculationResult result(AtomisticCalculation calc, LammpsLog log, Path dir, RunOutcome outcome) {
        Structure input = calc.structure();
        int n = input.size();
        if (log.blocks.isEmpty()) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                    "the log " + dir.resolve(LammpsInput.LOG_FILE) + " has no thermo output", outcome.exitCode());
        }
        LammpsLog.ThermoBlock last = log.blocks.get(log.blocks.size() - 1);
        LammpsFrame frame = LammpsFrame.of(input.lattice());
        List<LammpsDump.Snapshot> finals = LammpsDump.parse(read(dir.resolve(LammpsInput.FINAL_DUMP)).orElseThrow(
                () -> new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                        "LAMMPS wrote no " + LammpsInput.FINAL_DUMP, outcome.exitCode())));
        LammpsDump.Snapshot fin = finals.get(finals.size() - 1);
        List<Vector3> forces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            forces.add(Vector3.of(frame.toStructure(fin.column3(i, "fx", "fy", "fz"))));
        }
        double[][] p = {
            {last.last("Pxx"), last.last("Pxy"), last.last("Pxz")},
            {last.last("Pxy"), last.last("Pyy"), last.last("Pyz")},
            {last.last("Pxz"), last.last("Pyz"), last.last("Pzz")}};
        double[][] pOrig = frame.tensorToStructure(p);
        for (double[] row : pOrig) {
            for (int k = 0; k < 3; k++) {
                row[k] *= Stress.GPA_PER_BAR;
            }
        }
        CalculationResult.Builder b = CalculationResult.builder(name(), last.last("PotEng"), n)
                .engineVersion(log.version.orElse(version()))
                .forces(forces)
                .stress(Stress.of(pOrig))
                .wallTime(outcome.wallTime())
                .outputFile("log", dir.resolve(LammpsInput.LOG_FILE))
                .outputFile("final-dump", dir.resolve(LammpsInput.FINAL_DUMP))
                .outputFile("input", dir.resolve(LammpsInput.INPUT_FILE))
                .outputFile("data", dir.resolve(LammpsInput.DATA_FILE));
        if (!(calc instanceof dev.orion.engine.SinglePoint)) {
            b.finalStructure(structureOf(input, frame, fin));
        }
        Map<Long, Structure> saved = new LinkedHashMap<>();
        if (calc instanceof MolecularDynamics) {
            Path traj = dir.resolve(LammpsInput.TRAJECTORY_DUMP);
            read(traj).ifPresent(text -> LammpsDump.parse(text).forEach(s -> saved.put(s.step(), structureOf(input, frame, s))));
            b.outputFile("trajectory", traj);
        }
        for (LammpsLog.ThermoBlock block : log.blocks) {
            for (double[] row : block.rows()) {
                long step = (long) row[0];
                b.frame(new Frame(step, block.value(row, "PotEng").orElse(Double.NaN),
                        block.value(row, "Temp").orElse(0.0),
                        block.value(row, "Press").map(v -> v * Stress.GPA_PER_BAR),
                        Optional.ofNullable(saved.get(step))));
            }
        }
        if (calc instanceof Relaxation r) {
            String criterion = log.stoppingCriterion.orElse("unknown");
            boolean converged = criterion.contains("tolerance") || (criterion.contains("linesearch alpha is zero")
                    && forces.stream().mapToDouble(Vector3::norm).max().orElse(0) <= Math.max(r.forceTolerance(), 1e-4));
            b.convergence(new Convergence(converged, log.iterations, criterion));
        } else if (calc instanceof MolecularDynamics md) {
            b.convergence(new Convergence(true, md.steps(), "ran all steps"));
        }
        return b.build();
    }

    /** The structure of a snapshot, in the input's frame and (when the cell only deformed) its basis. */
    static Structure structureOf(Structure input, LammpsFrame frame, LammpsDump.Snapshot snap) {
        double[][] box = snap.box();
        double[][] rotated = new double[3][];
        for (int k = 0; k < 3; k++) {
            rotated[k] = frame.toStructure(box[k]);
        }
        Lattice dumped = Lattice.of(rotated);
        // express the cell in the input's basis: U = round(L0 * dumped^-1) undoes LAMMPS's tilt reduction
        double[] flat = Matrix3.flat(rotated);
        double[] u = Matrix3.multiply(Matrix3.flat(input.lattice().matrix()), Matrix3.inverse(flat));
        for (int k = 0; k < 9; k++) {
            u[k] = Math.rint(u[k]);
        }
        double[] rows = Matrix3.multiply(u, flat);
        Lattice lattice = Math.abs(Matrix3.determinant(rows)) > 1e-9 ? Lattice.of(Matrix3.rows(rows)) : dumped;
        var sb = Structure.builder().lattice(lattice);
        for (int i = 0; i < input.size(); i++) {
            double[] r = snap.column3(i, "x", "y", "z");
            double[] rel = {r[0] - box[3][0], r[1] - box[3][1], r[2] - box[3][2]};
            double[] cart = frame.toStructure(rel);
            double[] f = lattice.toFractional(cart);
            sb.addSite(input.site(i).toBuilder().frac(f[0] - Math.floor(f[0]), f[1] - Math.floor(f[1]),
                    f[2] - Math.floor(f[2])).build());
        }
        return sb.build();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Configures a {@link LammpsEngine}. */
    public static final class Builder {
        private String executable = "lmp";
        private Path potentialDir = Optional.ofNullable(System.getenv("LAMMPS_POTENTIALS")).map(Path::of)
                .orElse(DEBIAN_POTENTIALS);
        private double neighborSkin = LammpsInput.DEFAULT_SKIN;

        private Builder() {
        }

        /**
         * @param angstrom the neighbour-list skin ({@code neighbor <skin> bin}; default 2 Å, LAMMPS's own
         *                 for metal units): a thinner skin lists fewer pairs but rebuilds more often
         * @return this
         * @throws IllegalArgumentException if {@code angstrom} is not a finite number &gt; 0
         */
        public Builder neighborSkin(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("neighborSkin must be a finite number of Å > 0, got " + angstrom);
            }
            this.neighborSkin = angstrom;
            return this;
        }

        /** @param program the LAMMPS binary, a name on the PATH or a path (default {@code lmp})  @return this */
        public Builder executable(String program) {
            this.executable = Objects.requireNonNull(program, "executable");
            return this;
        }

        /**
         * @param dir where relative potential file names are looked up; every potential file must lie
         *            inside it (absolute names too), so that a calculation cannot make LAMMPS read
         *            {@code /etc/passwd}
         * @return this
         */
        public Builder potentialDir(Path dir) {
            this.potentialDir = Objects.requireNonNull(dir, "potentialDir");
            return this;
        }

        /** @return the engine */
        public LammpsEngine build() {
            return new LammpsEngine(this);
        }
    }
}
