package dev.orion.engines.calculix;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.OrionException;
import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.NodalField;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.InputDeck;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.internal.ProbedVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CalculiX ({@code ccx}, Debian package {@code calculix-ccx}) as an ORION engine: runs
 * {@link FiniteElement} calculations (static linear elasticity, steady and transient heat conduction,
 * natural frequencies) on meshes ORION builds, and {@link InputDeck}s as written. Results are the tables of
 * the {@code .dat} file and the nodal fields of the {@code .frd} file (when the deck asks for any), in
 * {@link CalculationResult#continuum()}.
 *
 * <pre>{@code
 * CalculixEngine ccx = CalculixEngine.builder().build();      // ccx on the PATH
 * CalculationResult r = EngineRuns.run(ccx, cantilever, LocalExecutor.builder().build(), dir, Resources.defaults());
 * Vector3 tip = r.continuum().orElseThrow().displacements().get(tipNode);
 * }</pre>
 *
 * <p>The run: {@code ccx -i orion} in the work folder, with {@code OMP_NUM_THREADS=1}. CalculiX's
 * {@code *ERROR} messages become an {@link EngineFailureException} (kind {@code NOT_CONVERGED} when
 * they say an increment did not converge, {@code INPUT_ERROR} otherwise) carrying the program's words.
 * Input decks must be self-contained: {@code *INCLUDE} and {@code INPUT=} (which read other files)
 * are refused, so the deck's text alone identifies the calculation.
 */
public final class CalculixEngine implements ProgramEngine {

    static final String JOB = "orion";
    static final String INPUT_FILE = JOB + ".inp";
    static final String DAT_FILE = JOB + ".dat";
    static final String FRD_FILE = JOB + ".frd";

    private static final Pattern READS_FILES = Pattern.compile("(?i)^\\s*\\*\\s*INCLUDE\\b.*|^\\s*\\*.*\\bINPUT\\s*=.*");
    private static final Pattern NOT_CONVERGED =
            Pattern.compile("(?i)cutback|not converg|did not converge|increment size is smaller");

    private final String executable;
    private final ProbedVersion version;

    private CalculixEngine(Builder b) {
        this.executable = b.executable;
        this.version = ProbedVersion.of("CalculiX", List.of(executable, "-v"), Pattern.compile("Version (\\S+)"));
    }

    /** @return a builder: {@code ccx} on the PATH */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "calculix";
    }

    @Override
    public String version() {
        return version.get();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("finite-element", "input-deck"), Set.of(), false, Set.of());
    }

    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        return List.of();
    }

    @Override
    public List<String> validate(Calculation calculation) {
        Objects.requireNonNull(calculation, "calculation");
        if (calculation instanceof InputDeck deck) {
            List<String> problems = new ArrayList<>();
            deck.text().lines().filter(l -> READS_FILES.matcher(l).matches()).limit(5).forEach(l ->
                    problems.add("the deck reads another file, which ORION refuses (decks must be self-contained): " + l.strip()));
            return problems;
        }
        if (!(calculation instanceof FiniteElement fe)) {
            return List.of("CalculiX computes finite-element calculations and input decks, not '" + calculation.kind() + "'");
        }
        List<String> problems = new ArrayList<>();
        for (String reserved : CalculixDeck.RESERVED_SETS) {
            if (fe.mesh().nodeSets().containsKey(reserved) || fe.mesh().elementSets().containsKey(reserved)) {
                problems.add("set name " + reserved + " is reserved (the deck defines it); rename the set");
            }
        }
        Material m = fe.material();
        Analysis a = fe.analysis();
        boolean thermal = a instanceof Analysis.SteadyHeat || a instanceof Analysis.TransientHeat;
        if (!thermal && m.elasticity().isEmpty()) {
            problems.add("a " + a.kind() + " analysis needs the material's elasticity (Material.Builder.elasticity)");
        }
        if (thermal && m.conductivity().isEmpty()) {
            problems.add("a " + a.kind() + " analysis needs the material's conductivity (Material.Builder.conductivity)");
        }
        if (a instanceof Analysis.TransientHeat && (m.density().isEmpty() || m.specificHeat().isEmpty())) {
            problems.add("a transient-heat analysis needs the material's density and specific heat");
        }
        if (a instanceof Analysis.Frequency && m.density().isEmpty()) {
            problems.add("a frequency analysis needs the material's density (Material.Builder.density)");
        }
        for (Constraint c : fe.constraints()) {
            if ((c instanceof Constraint.Temperature) != thermal) {
                problems.add("constraint " + c + " does not apply to a " + a.kind() + " analysis");
            }
        }
        for (Load l : fe.loads()) {
            boolean heat = l instanceof Load.BodyHeat;
            if (heat != thermal || a instanceof Analysis.Frequency) {
                problems.add("load " + l + " does not apply to a " + a.kind() + " analysis");
            }
            if (l instanceof Load.Pressure p && CalculixDeck.faces(fe.mesh(), p.nodeSet()).isEmpty()) {
                problems.add("pressure on node set " + p.nodeSet() + ": no element face has all four nodes in it");
            }
        }
        if (fe.constraints().isEmpty()) {
            problems.add("the part has no constraints; a " + a.kind() + " analysis needs some to have a unique answer");
        }
        return problems;
    }

    @Override
    public ProgramRun prepare(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        String deck = calculation instanceof InputDeck d ? d.text() : CalculixDeck.write((FiniteElement) calculation);
        try {
            Files.writeString(workDir.resolve(INPUT_FILE), deck, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrionException("cannot write the CalculiX deck into " + workDir + ": " + e.getMessage(), e);
        }
        return new ProgramRun(workDir, List.of(executable, "-i", JOB), Map.of("OMP_NUM_THREADS", "1"),
                List.of(INPUT_FILE), executable);
    }

    @Override
    public CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome) {
        Path dir = run.workDir();
        String stdout = read(outcome.stdout()).orElse("");
        List<String> errors = CalculixMessages.errors(stdout);
        if (outcome.state() == RunState.CANCELLED || outcome.state() == RunState.TIMEOUT) {
            throw new EngineFailureException(name(), outcome.state() == RunState.CANCELLED
                    ? EngineFailureException.Kind.CANCELLED : EngineFailureException.Kind.TIMED_OUT,
                    outcome.reason(), outcome.exitCode());
        }
        if (!errors.isEmpty()) {
            String message = String.join("\n", errors);
            throw new EngineFailureException(name(), NOT_CONVERGED.matcher(message).find()
                    ? EngineFailureException.Kind.NOT_CONVERGED : EngineFailureException.Kind.INPUT_ERROR,
                    message, outcome.exitCode());
        }
        Optional<String> dat = read(dir.resolve(DAT_FILE));
        if (outcome.state() != RunState.COMPLETED || outcome.exitCode().filter(c -> c == 0).isEmpty() || dat.isEmpty()) {
            EngineFailureException.Kind kind = outcome.state() == RunState.COMPLETED || outcome.state() == RunState.FAILED
                    ? EngineFailureException.Kind.CRASHED : EngineFailureException.Kind.EXECUTION_ERROR;
            throw new EngineFailureException(name(), kind, (outcome.reason().isBlank() ? "" : outcome.reason() + "; ")
                    + (dat.isEmpty() ? "no " + DAT_FILE + "; " : "") + CalculixMessages.tail(stdout + read(outcome.stderr()).orElse("")),
                    outcome.exitCode());
        }
        ContinuumResult printed = DatFile.parse(dat.get());
        ContinuumResult result = new ContinuumResult(printed.tables(), printed.frequencies(), fields(dir, outcome));
        if (calculation instanceof FiniteElement fe) {
            expected(fe.analysis(), result, outcome);
        }
        CalculationResult.Builder b = CalculationResult.builder(name(), 0, 0).engineVersion(version())
                .continuum(result).wallTime(outcome.wallTime())
                .outputFile("input", dir.resolve(INPUT_FILE)).outputFile("dat", dir.resolve(DAT_FILE))
                .outputFile("stdout", outcome.stdout());
        if (Files.isRegularFile(dir.resolve(FRD_FILE))) {
            b.outputFile("frd", dir.resolve(FRD_FILE));
        }
        return b.build();
    }

    /** @return the nodal fields of the {@code .frd} file, empty when the run wrote none */
    private List<NodalField> fields(Path dir, RunOutcome outcome) {
        Optional<String> frd = read(dir.resolve(FRD_FILE));
        try {
            return frd.map(text -> FrdFile.parse(text, FRD_FILE)).orElse(List.of());
        } catch (CalculixFormatException e) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                    "ccx wrote a result file ORION cannot read: " + e.getMessage(), outcome.exitCode());
        }
    }

    /** A deck ORION wrote always prints its analysis's quantity; its absence means the solve went wrong. */
    private void expected(Analysis a, ContinuumResult r, RunOutcome outcome) {
        boolean present = a instanceof Analysis.Static ? !r.displacements().isEmpty()
                : a instanceof Analysis.Frequency ? !r.frequencies().isEmpty() : !r.temperatures().isEmpty();
        if (!present) {
            throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                    "ccx exited normally but printed no results for the " + a.kind() + " analysis into " + DAT_FILE,
                    outcome.exitCode());
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Configures a {@link CalculixEngine}. */
    public static final class Builder {
        private String executable = "ccx";

        private Builder() {
        }

        /** @param program the CalculiX binary, a name on the PATH or a path (default {@code ccx})  @return this */
        public Builder executable(String program) {
            this.executable = Objects.requireNonNull(program, "executable");
            return this;
        }

        /** @return the engine */
        public CalculixEngine build() {
            return new CalculixEngine(this);
        }
    }
}
