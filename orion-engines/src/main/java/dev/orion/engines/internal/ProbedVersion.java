package dev.orion.engines.internal;

import dev.orion.engines.ProgramVersion;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An installed program's version for an engine's {@code version()}: probed with
 * {@link ProgramVersion#probe} the first time it is asked for, then remembered, so that building
 * an engine never runs the program.
 */
public final class ProbedVersion {

    private static final long TIMEOUT_SECONDS = 30;

    private final String program;
    private final List<String> command;
    private final Pattern pattern;
    private volatile String version;

    private ProbedVersion(String program, List<String> command, Pattern pattern) {
        this.program = Objects.requireNonNull(program, "program");
        this.command = List.copyOf(command);
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param program the program's display name, put before the version ({@code "LAMMPS"})
     * @param command the command that prints the version
     * @param pattern group 1 is the version
     * @return the not yet probed version
     */
    public static ProbedVersion of(String program, List<String> command, Pattern pattern) {
        return new ProbedVersion(program, command, pattern);
    }

    /** @return {@code "<program> <version>"}, or {@code "<program> (version unknown)"} if the probe found none */
    public String get() {
        String v = version;
        if (v == null) {
            // racing first calls may both probe; they get the same answer
            v = ProgramVersion.probe(command, pattern, TIMEOUT_SECONDS).map(s -> program + " " + s)
                    .orElse(program + " (version unknown)");
            version = v;
        }
        return v;
    }
}
