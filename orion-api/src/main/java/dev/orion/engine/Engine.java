package dev.orion.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A simulation engine. It declares what it can compute, checks a calculation before anything runs,
 * and then either names a program to run on an {@link Executor} ({@link ProgramEngine}: LAMMPS,
 * Quantum ESPRESSO) or computes in this JVM ({@link JavaEngine}: the built-in EAM engine).
 * Implementations are immutable and thread-safe.
 */
public sealed interface Engine permits ProgramEngine, JavaEngine {

    /** @return a stable short name, e.g. {@code "lammps"} (stored with every job) */
    String name();

    /** @return the version that results and provenance record, e.g. {@code "LAMMPS 29 Sep 2021"} */
    String version();

    /** @return what this engine can compute */
    EngineCapabilities capabilities();

    /**
     * Checks a calculation without running anything: kind and method supported, every element
     * covered, files present.
     *
     * @param calculation the calculation
     * @return the problems found, empty when it can run
     */
    List<String> validate(Calculation calculation);

    /**
     * The files outside the work folder that the calculation reads (potential files,
     * pseudopotentials), resolved to where this engine finds them. Provenance records their hashes,
     * so that a changed potential file never returns a stale cached result.
     *
     * @param calculation a calculation
     * @return the files, possibly none
     */
    List<Path> referencedFiles(Calculation calculation);
}
