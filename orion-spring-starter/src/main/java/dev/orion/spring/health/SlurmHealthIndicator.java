package dev.orion.spring.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether the SLURM controller answers {@code scontrol ping} (run with the executor's command prefix,
 * e.g. over {@code ssh}): up when it reports a controller {@code UP}.
 */
final class SlurmHealthIndicator extends AbstractHealthIndicator {

    private static final Pattern UP = Pattern.compile("\\bis UP\\b");

    private final List<String> command;
    private final Duration timeout;

    /**
     * @param commandPrefix the SLURM executor's command prefix (orion.slurm.command-prefix)
     * @param timeout       how long the ping may take
     */
    SlurmHealthIndicator(List<String> commandPrefix, Duration timeout) {
        super("SLURM health check failed");
        List<String> c = new ArrayList<>(commandPrefix);
        c.add("scontrol");
        c.add("ping");
        this.command = List.copyOf(c);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException, InterruptedException {
        // output to a file, not a pipe: a hung command (an ssh that never connects) must not block the check
        Path output = Files.createTempFile("orion-slurm-ping", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                builder.down().withDetail("command", String.join(" ", command))
                        .withDetail("error", "scontrol ping did not answer within " + timeout);
                return;
            }
            report(builder, p.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private void report(Health.Builder builder, int exitCode, String text) {
        builder.withDetail("command", String.join(" ", command)).withDetail("answer", text);
        if (exitCode == 0 && UP.matcher(text).find()) {
            builder.up();
        } else {
            builder.down().withDetail("exitCode", exitCode);
        }
    }
}
