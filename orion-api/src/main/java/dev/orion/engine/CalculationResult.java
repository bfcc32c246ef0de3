package dev.orion.engine;

import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a calculation produced, in ORION's units (eV, Å, eV/Å, GPa) whatever the program printed.
 * Build with {@link #builder(String, double, int)}. A continuum calculation has no atoms (0), energy 0
 * and its results in {@link #continuum()} (finite elements) or {@link #phaseField()}.
 *
 * @param engine         the engine that computed it
 * @param engineVersion  its version, as the program reported it
 * @param energy         final potential energy in eV (0 for a continuum calculation)
 * @param atoms          number of atoms (0 for a continuum calculation)
 * @param forces         final forces per atom in eV/Å (empty if not computed)
 * @param stress         final stress in GPa, if computed
 * @param finalStructure the final structure (relaxed, or the last MD frame), if it changed
 * @param trajectory     sampled frames, oldest first
 * @param convergence    how the iterative part ended
 * @param wallTime       wall-clock time of the run
 * @param values         further named numbers (e.g. {@code "energy_ry"}), units in the name
 * @param outputFiles    raw output files kept, by role (e.g. {@code "log"}, {@code "stdout"})
 * @param continuum      what a finite-element run printed, for continuum calculations
 * @param phaseField     free energies and the final field, for phase-field calculations
 */
public record CalculationResult(String engine, String engineVersion, double energy, int atoms, List<Vector3> forces,
                                Optional<Stress> stress, Optional<Structure> finalStructure, List<Frame> trajectory,
                                Convergence convergence, Duration wallTime, Map<String, Double> values,
                                Map<String, Path> outputFiles, Optional<ContinuumResult> continuum,
                                Optional<PhaseFieldResult> phaseField) {

    /** Validates and copies. */
    public CalculationResult {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineVersion, "engineVersion");
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("energy must be finite, got " + energy);
        }
        if (atoms < 0) {
            throw new IllegalArgumentException("atoms must be >= 0, got " + atoms);
        }
        forces = List.copyOf(forces);
        if (!forces.isEmpty() && forces.size() != atoms) {
            throw new IllegalArgumentException("forces has " + forces.size() + " vectors for " + atoms + " atoms");
        }
        Objects.requireNonNull(stress, "stress");
        Objects.requireNonNull(finalStructure, "finalStructure");
        trajectory = List.copyOf(trajectory);
        Objects.requireNonNull(convergence, "convergence");
        Objects.requireNonNull(wallTime, "wallTime");
        values = Map.copyOf(values);
        outputFiles = Map.copyOf(outputFiles);
        Objects.requireNonNull(continuum, "continuum");
        Objects.requireNonNull(phaseField, "phaseField");
    }

    /** @return energy per atom in eV (NaN when there are no atoms) */
    public double energyPerAtom() {
        return atoms == 0 ? Double.NaN : energy / atoms;
    }

    /** @return the largest force norm in eV/Å (0 when no forces) */
    public double maxForce() {
        return forces.stream().mapToDouble(Vector3::norm).max().orElse(0);
    }

    /**
     * @param engine the engine name
     * @param energy energy in eV
     * @param atoms  number of atoms
     * @return a builder
     */
    public static Builder builder(String engine, double energy, int atoms) {
        return new Builder(engine, energy, atoms);
    }

    /** @return a builder initialised from this result */
    public Builder toBuilder() {
        Builder b = new Builder(engine, energy, atoms).engineVersion(engineVersion).forces(forces)
                .convergence(convergence).wallTime(wallTime);
        stress.ifPresent(b::stress);
        finalStructure.ifPresent(b::finalStructure);
        trajectory.forEach(b::frame);
        values.forEach(b::value);
        outputFiles.forEach(b::outputFile);
        continuum.ifPresent(b::continuum);
        phaseField.ifPresent(b::phaseField);
        return b;
    }

    /** Builds a {@link CalculationResult}. */
    public static final class Builder {
        private final String engine;
        private double energy;
        private final int atoms;
        private String version = "unknown";
        private List<Vector3> forces = List.of();
        private Optional<Stress> stress = Optional.empty();
        private Optional<Structure> finalStructure = Optional.empty();
        private final List<Frame> trajectory = new ArrayList<>();
        private Convergence convergence = Convergence.notIterative();
        private Duration wall = Duration.ZERO;
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, Path> files = new LinkedHashMap<>();
        private Optional<ContinuumResult> continuum = Optional.empty();
        private Optional<PhaseFieldResult> phaseField = Optional.empty();

        private Builder(String engine, double energy, int atoms) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.energy = energy;
            this.atoms = atoms;
        }

        /** @param v the engine version  @return this */
        public Builder engineVersion(String v) {
            this.version = Objects.requireNonNull(v, "engineVersion");
            return this;
        }

        /** @param f forces in eV/Å, one per atom  @return this */
        public Builder forces(List<Vector3> f) {
            this.forces = List.copyOf(f);
            return this;
        }

        /** @param s stress in GPa  @return this */
        public Builder stress(Stress s) {
            this.stress = Optional.of(s);
            return this;
        }

        /** @param s the final structure  @return this */
        public Builder finalStructure(Structure s) {
            this.finalStructure = Optional.of(s);
            return this;
        }

        /** @param f a trajectory frame  @return this */
        public Builder frame(Frame f) {
            trajectory.add(Objects.requireNonNull(f, "frame"));
            return this;
        }

        /** @param c how it converged  @return this */
        public Builder convergence(Convergence c) {
            this.convergence = Objects.requireNonNull(c, "convergence");
            return this;
        }

        /** @param d wall-clock time  @return this */
        public Builder wallTime(Duration d) {
            this.wall = Objects.requireNonNull(d, "wallTime");
            return this;
        }

        /** @param name name with unit  @param value the number  @return this */
        public Builder value(String name, double value) {
            values.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** @param role what the file is  @param file where it is  @return this */
        public Builder outputFile(String role, Path file) {
            files.put(Objects.requireNonNull(role, "role"), Objects.requireNonNull(file, "file"));
            return this;
        }

        /** @param c what a finite-element run printed  @return this */
        public Builder continuum(ContinuumResult c) {
            this.continuum = Optional.of(Objects.requireNonNull(c, "continuum"));
            return this;
        }

        /** @param r what a phase-field run produced  @return this */
        public Builder phaseField(PhaseFieldResult r) {
            this.phaseField = Optional.of(Objects.requireNonNull(r, "phaseField"));
            return this;
        }

        /** @return the result */
        public CalculationResult build() {
            return new CalculationResult(engine, version, energy, atoms, forces, stress, finalStructure, trajectory,
                    convergence, wall, values, files, continuum, phaseField);
        }
    }
}
