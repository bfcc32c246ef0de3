package dev.orion.engines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds installed programs on the {@code PATH} and asks them for their version by running them
 * briefly (for engines' {@code version()} and for tests that need a real program).
 */
public final class ProgramVersion {

    private ProgramVersion() {
    }

    /**
     * @param command        the command to run (its stdin is empty)
     * @param pattern        group 1 is the version
     * @param timeoutSeconds how long to let it run
     * @return the version, empty if the program is missing or printed none
     */
    public static Optional<String> probe(List<String> command, Pattern pattern, long timeoutSeconds) {
        java.nio.file.Path dir = null;
        try {
            // a scratch folder: some programs (pw.x) leave files in their working directory
            dir = java.nio.file.Files.createTempDirectory("orion-probe");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readNBytes(65536);
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            Matcher m = pattern.matcher(new String(out, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteTree(dir);
        }
    }

    /** @param dir a folder to delete with everything in it (nothing happens for null) */
    static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a scratch folder under the temp directory
        }
    }

    /**
     * @param program a program name or path
     * @return its executable path, if found (a path is checked as is; a name on {@code PATH})
     */
    public static Optional<java.nio.file.Path> find(String program) {
        if (program.contains("/")) {
            java.nio.file.Path p = java.nio.file.Path.of(program);
            return java.nio.file.Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            java.nio.file.Path p = java.nio.file.Path.of(dir, program);
            if (java.nio.file.Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
