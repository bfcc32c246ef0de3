package dev.orion.engines.eam;

import dev.orion.InvalidCalculationException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.Ensemble;
import dev.orion.engine.JavaEngine;
import dev.orion.engine.Method;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engines.internal.Atomistic;
import dev.orion.engines.internal.AtomTypes;
import dev.orion.engines.internal.ConfinedFolder;
import dev.orion.engines.internal.FileHashes;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in embedded-atom-method engine: energies, forces and virial stresses from LAMMPS
 * potential files ({@code eam} funcfl, {@code eam/alloy} setfl, {@code eam/fs}), with relaxations
 * of positions (FIRE) and, optionally, the cell, and molecular dynamics (velocity Verlet NVE; NVT
 * and, for cubic cells, NPT with a Nosé-Hoover chain or a Langevin thermostat; see {@code
 * MolecularDynamics}) that writes a thermo table and an extended-XYZ trajectory. It interpolates the tabulated functions with the
 * same cubic splines as LAMMPS's {@code pair_eam}, so results agree with LAMMPS to about 1e-9 eV per
 * atom; it needs nothing installed. Neighbour lists come from orion-core's O(N) cell lists.
 *
 * <pre>{@code
 * EamEngine eam = EamEngine.builder().build();
 * CalculationResult r = eam.compute(Calculation.singlePoint(cu)
 *         .with(Potential.eam(Path.of("Cu_u3.eam"), Element.of("Cu"))), workDir);
 * }</pre>
 */
public final class EamEngine implements JavaEngine {

    private static final String VERSION = "orion-eam 1 (LAMMPS pair_eam splines)";

    private final ConfinedFolder potentials;
    private final int threads;
    private final ConcurrentHashMap<String, EamTables> cache = new ConcurrentHashMap<>();

    private EamEngine(Builder b) {
        this.potentials = ConfinedFolder.of(b.potentialDir);
        this.threads = b.threads;
    }

    /** @return a builder; relative potential files are looked up in {@code $LAMMPS_POTENTIALS} or Debian's folder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "orion-eam";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point", "relaxation", "md"), Set.of("eam", "eam/alloy", "eam/fs"), true,
                Set.of(Ensemble.values()));
    }

    /**
     * @throws InvalidCalculationException if the potential file is outside the potential folder or its
     *                                     name holds a control character
     */
    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return List.of();
        }
        return atomistic.method().filter(Potential.class::isInstance)
                .map(m -> potentials.resolveAll(name(), "potential file", ((Potential) m).files()))
                .orElse(List.of());
    }

    @Override
    public List<String> validate(Calculation calculation) {
        Objects.requireNonNull(calculation, "calculation");
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return Atomistic.refusal(name(), calculation);
        }
        List<String> problems = new ArrayList<>();
        if (calculation instanceof MolecularDynamics md && md.ensemble() == Ensemble.NPT && !ModelRun.isotropic(
                atomistic.structure().lattice())) {
            problems.add("the built-in engine's NPT scales the cell isotropically and needs a cubic cell (use LAMMPS)");
        }
        Structure s = atomistic.structure();
        if (!s.isOrdered()) {
            problems.add("the structure is disordered; EAM needs one element per site");
        }
        Optional<Method> m = atomistic.method();
        if (m.isEmpty() || !(m.get() instanceof Potential.Eam || m.get() instanceof Potential.EamAlloy
                || m.get() instanceof Potential.EamFs)) {
            problems.add("the built-in EAM engine needs an eam, eam/alloy or eam/fs potential, got "
                    + m.map(x -> x instanceof Potential p ? p.pairStyle() : "DFT parameters").orElse("none"));
            return problems;
        }
        Potential p = (Potential) m.get();
        if (s.isOrdered()) {
            for (Element e : AtomTypes.order(s)) {
                if (!p.elements().contains(e)) {
                    problems.add("the potential does not cover element " + e.symbol() + "; it covers " + p.elements());
                }
            }
        }
        problems.addAll(potentials.problems("potential file", p.files()));
        return problems;
    }

    @Override
    public CalculationResult compute(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        AtomisticCalculation atomistic = (AtomisticCalculation) calculation;
        Potential p = (Potential) atomistic.method().orElseThrow();
        Path file = potentials.resolveAll(name(), "potential file", p.files()).get(0);
        List<Element> order = AtomTypes.order(atomistic.structure());
        String key = p.pairStyle() + "|" + FileHashes.sha256(file) + "|" + order;
        EamTables tables = cache.computeIfAbsent(key, k -> EamTables.load(p, file, order));
        return ModelRun.run(name(), version(), new EamModel(tables, threads), atomistic, order, workDir);
    }

    /** Configures an {@link EamEngine}. */
    public static final class Builder {
        private Path potentialDir = Optional.ofNullable(System.getenv("LAMMPS_POTENTIALS")).map(Path::of)
                .orElse(Path.of("/usr/share/lammps/potentials"));
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * @param dir where relative potential file names are looked up; every potential file must lie
         *            inside it (absolute names too)
         * @return this
         */
        public Builder potentialDir(Path dir) {
            this.potentialDir = Objects.requireNonNull(dir, "potentialDir");
            return this;
        }

        /**
         * @param count how many threads evaluate forces (default: the available processors); results
         *              are identical to the last digit for a fixed count, and small cells use one
         * @return this
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        /** @return the engine */
        public EamEngine build() {
            return new EamEngine(this);
        }
    }
}
