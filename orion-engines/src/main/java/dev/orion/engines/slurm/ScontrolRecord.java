package dev.orion.engines.slurm;

import dev.orion.engine.RunState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code scontrol show job -o} or {@code scontrol show partition -o}: space-separated
 * {@code Key=Value} pairs. Maps SLURM job states and exit codes to ORION's.
 */
final class ScontrolRecord {

    private static final Pattern PAIR = Pattern.compile("(?:^|\\s)([A-Za-z/:_]+)=(\\S*)");

    private final Map<String, String> fields;

    private ScontrolRecord(Map<String, String> fields) {
        this.fields = fields;
    }

    static ScontrolRecord parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(line.trim());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return new ScontrolRecord(fields);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** SLURM's state name to ORION's; transitional states count as the state they lead to. */
    RunState state() {
        String s = get("JobState").orElse("");
        switch (s) {
            case "PENDING": case "CONFIGURING": case "REQUEUED": case "REQUEUE_HOLD": case "REQUEUE_FED":
            case "RESV_DEL_HOLD": case "SUSPENDED": case "STOPPED": case "RESIZING": case "SIGNALING":
                return RunState.PENDING;
            case "RUNNING": case "COMPLETING": case "STAGE_OUT":
                return RunState.RUNNING;
            case "COMPLETED": return RunState.COMPLETED;
            case "FAILED": case "SPECIAL_EXIT": return RunState.FAILED;
            case "CANCELLED": return RunState.CANCELLED;
            case "TIMEOUT": case "DEADLINE": return RunState.TIMEOUT;
            case "OUT_OF_MEMORY": return RunState.OUT_OF_MEMORY;
            case "NODE_FAIL": case "BOOT_FAIL": return RunState.NODE_FAIL;
            case "PREEMPTED": return RunState.PREEMPTED;
            default: return RunState.UNKNOWN;
        }
    }

    /**
     * {@code ExitCode=code:signal}: the exit code, or 128 + signal when a signal ended the job (as
     * a shell reports it).
     */
    Optional<Integer> exitCode() {
        return get("ExitCode").filter(v -> v.matches("\\d+:\\d+")).map(v -> {
            String[] p = v.split(":");
            int code = Integer.parseInt(p[0]);
            int signal = Integer.parseInt(p[1]);
            return signal != 0 && code == 0 ? 128 + signal : code;
        });
    }

    /** @return seconds of a SLURM duration ([days-]hours:minutes:seconds, or UNLIMITED = empty) */
    static Optional<Long> seconds(String duration) {
        if (duration == null || duration.isEmpty() || duration.equals("UNLIMITED") || duration.equals("INFINITE")
                || duration.equals("NONE") || duration.equals("N/A")) {
            return Optional.empty();
        }
        long days = 0;
        String rest = duration;
        int dash = duration.indexOf('-');
        if (dash > 0) {
            days = Long.parseLong(duration.substring(0, dash));
            rest = duration.substring(dash + 1);
        }
        String[] p = rest.split(":");
        long s = 0;
        for (String part : p) {
            s = s * 60 + Long.parseLong(part);
        }
        if (p.length == 1) {
            s *= 60; // a bare number is minutes
        }
        return Optional.of(days * 86400 + s);
    }
}
