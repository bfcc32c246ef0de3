package dev.orion.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a program in a prepared work folder.
 *
 * @param workDir     the folder (the program's working directory)
 * @param command     the program and its arguments, e.g. {@code [lmp, -in, in.orion, ...]}
 * @param environment variables to set on top of the executor's environment
 * @param inputFiles  files written by {@code prepare}, relative to {@code workDir}
 * @param program     the executable the executor must find (first element of the command)
 */
public record ProgramRun(Path workDir, List<String> command, Map<String, String> environment,
                         List<String> inputFiles, String program) {

    /** Validates and copies. */
    public ProgramRun {
        Objects.requireNonNull(workDir, "workDir");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        environment = Map.copyOf(environment);
        inputFiles = List.copyOf(inputFiles);
        Objects.requireNonNull(program, "program");
    }
}
