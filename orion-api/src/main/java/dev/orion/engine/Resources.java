package dev.orion.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run asks for. Local executors use {@code tasks} (MPI ranks) and {@code timeLimit}; SLURM
 * passes everything to {@code sbatch}. Build with {@link #builder()}; {@link #defaults()} is one task
 * on one CPU for one hour.
 *
 * @param nodes       nodes ({@code --nodes})
 * @param tasks       MPI tasks in all ({@code --ntasks})
 * @param cpusPerTask CPUs per task ({@code --cpus-per-task}, OpenMP threads)
 * @param memoryMb    memory per node in MB ({@code --mem}), empty for the scheduler's default
 * @param timeLimit   wall-time limit ({@code --time}; local runs are killed after it)
 * @param partition   SLURM partition
 * @param account     SLURM account
 * @param qos         SLURM quality of service
 */
public record Resources(int nodes, int tasks, int cpusPerTask, Optional<Long> memoryMb, Duration timeLimit,
                        Optional<String> partition, Optional<String> account, Optional<String> qos) {

    /** Validates. */
    public Resources {
        if (nodes < 1 || tasks < 1 || cpusPerTask < 1) {
            throw new IllegalArgumentException("nodes, tasks and cpusPerTask must be >= 1, got " + nodes + ", "
                    + tasks + ", " + cpusPerTask);
        }
        Objects.requireNonNull(memoryMb, "memoryMb");
        memoryMb.ifPresent(m -> {
            if (m < 1) {
                throw new IllegalArgumentException("memoryMb must be >= 1, got " + m);
            }
        });
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(qos, "qos");
    }

    /** @return one task, one CPU, one hour */
    public static Resources defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Resources}. */
    public static final class Builder {
        private int nodes = 1;
        private int tasks = 1;
        private int cpus = 1;
        private Optional<Long> mem = Optional.empty();
        private Duration time = Duration.ofHours(1);
        private Optional<String> partition = Optional.empty();
        private Optional<String> account = Optional.empty();
        private Optional<String> qos = Optional.empty();

        private Builder() {
        }

        /** @param n nodes  @return this */
        public Builder nodes(int n) {
            this.nodes = n;
            return this;
        }

        /** @param n MPI tasks  @return this */
        public Builder tasks(int n) {
            this.tasks = n;
            return this;
        }

        /** @param n CPUs per task  @return this */
        public Builder cpusPerTask(int n) {
            this.cpus = n;
            return this;
        }

        /** @param mb memory per node in MB  @return this */
        public Builder memoryMb(long mb) {
            this.mem = Optional.of(mb);
            return this;
        }

        /** @param d wall-time limit  @return this */
        public Builder timeLimit(Duration d) {
            this.time = d;
            return this;
        }

        /** @param p partition  @return this */
        public Builder partition(String p) {
            this.partition = Optional.of(p);
            return this;
        }

        /** @param a account  @return this */
        public Builder account(String a) {
            this.account = Optional.of(a);
            return this;
        }

        /** @param q quality of service  @return this */
        public Builder qos(String q) {
            this.qos = Optional.of(q);
            return this;
        }

        /** @return the resources */
        public Resources build() {
            return new Resources(nodes, tasks, cpus, mem, time, partition, account, qos);
        }
    }
}
