package dev.orion.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code orion.*} properties: where ORION keeps its data, which engines and executors it runs
 * jobs with. The LLM router has its own, {@link OrionLlmProperties} ({@code orion.llm.*}). A property
 * left out takes the default shown; a component documented "when not set, ..." is null when left out.
 *
 * @param store           Where ORION keeps its data.
 * @param workRoot        Folder of the jobs' work folders (work-root/tenant/job/attempt-N).
 * @param defaultExecutor The executor used when a job names none (local or slurm); when not
 *                        set, the first configured executor.
 * @param engines         The simulation engines.
 * @param local           The executor that runs programs on this machine.
 * @param slurm           The executor that submits programs to a SLURM cluster.
 * @param workflows       Workflow templates.
 */
@ConfigurationProperties("orion")
public record OrionProperties(
        @DefaultValue Store store,
        @DefaultValue("orion-work") Path workRoot,
        String defaultExecutor,
        @DefaultValue Engines engines,
        @DefaultValue Local local,
        @DefaultValue Slurm slurm,
        @DefaultValue Workflows workflows) {

    /** Where ORION's data lives. */
    public enum StoreType {
        /** An H2 database in one folder ({@code orion.store.folder}), created and migrated on first use. */
        EMBEDDED,
        /** PostgreSQL through the application's {@code DataSource} bean (row-level security per tenant). */
        POSTGRES,
        /** Nothing persisted: for tests and demonstrations. */
        MEMORY
    }

    /**
     * Where ORION keeps its data.
     *
     * @param type   The kind of store; when not set, postgres if the application has a
     *               DataSource bean, else embedded.
     * @param folder The folder of the embedded H2 database.
     * @param owner  The owner role of a two-role PostgreSQL set-up (docs/persistence.md, "Database roles").
     */
    public record Store(StoreType type, @DefaultValue("orion-data") Path folder, @DefaultValue Owner owner) {
    }

    /**
     * The PostgreSQL role that owns ORION's tables, runs the migrations and serves the admin view, when
     * the application's {@code DataSource} connects as a separate runtime role.
     *
     * @param url      JDBC URL of the owner connection (jdbc:postgresql://...); when not set,
     *                 the application's DataSource does everything.
     * @param username The owner role.
     * @param password Its password (never logged).
     */
    public record Owner(String url, String username, @DefaultValue("") String password) {

        @Override
        public String toString() {
            return "Owner[url=" + url + ", username=" + username + ", password=***]";
        }
    }

    /**
     * The simulation engines. A program engine is added only when its program is found (a name on the
     * {@code PATH} or a path), so an application starts on a machine without it.
     *
     * @param eam      The built-in pure-Java EAM engine.
     * @param lammps   LAMMPS.
     * @param espresso Quantum ESPRESSO's pw.x.
     */
    public record Engines(@DefaultValue Eam eam, @DefaultValue Lammps lammps, @DefaultValue Espresso espresso) {
    }

    /**
     * The built-in EAM engine (always available: it needs no program).
     *
     * @param enabled      Whether the built-in EAM engine is added.
     * @param potentialDir Where relative potential file names are looked up; when not set,
     *                     $LAMMPS_POTENTIALS, else Debian's /usr/share/lammps/potentials.
     */
    public record Eam(@DefaultValue("true") boolean enabled, Path potentialDir) {
    }

    /**
     * LAMMPS.
     *
     * @param enabled      Whether LAMMPS is added when its program is found.
     * @param executable   The LAMMPS program, a name on the PATH or a path.
     * @param potentialDir Where potential files are looked up (every potential file must lie inside it); when
     *                     not set, $LAMMPS_POTENTIALS, else Debian's /usr/share/lammps/potentials.
     */
    public record Lammps(@DefaultValue("true") boolean enabled, @DefaultValue("lmp") String executable,
            Path potentialDir) {
    }

    /**
     * Quantum ESPRESSO.
     *
     * @param enabled    Whether Quantum ESPRESSO is added when its program is found.
     * @param executable The pw.x program, a name on the PATH or a path.
     */
    public record Espresso(@DefaultValue("true") boolean enabled, @DefaultValue("pw.x") String executable) {
    }

    /**
     * The executor that runs programs as local processes.
     *
     * @param enabled       Whether the local executor is added.
     * @param maxConcurrent The most runs executing at once (1-1024); when not set, the number of processors.
     * @param killGrace     How long a cancelled process gets after SIGTERM before SIGKILL.
     * @param environment   Variables set for every run.
     */
    public record Local(@DefaultValue("true") boolean enabled, Integer maxConcurrent,
            @DefaultValue("5s") Duration killGrace, Map<String, String> environment) {

        /** Replaces an absent environment by an empty one. */
        public Local {
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }
    }

    /**
     * Workflow templates.
     *
     * @param installLibrary Whether the workflow templates shipped with ORION are loaded into each tenant's template store the
     *                       first time the application serves the tenant after a start (an unchanged template is not written
     *                       again; a changed one becomes a new version).
     */
    public record Workflows(@DefaultValue("true") boolean installLibrary) {
    }

    /**
     * The executor that submits programs to SLURM ({@code sbatch}, {@code squeue}, {@code sacct}).
     *
     * @param enabled          Whether the SLURM executor is added.
     * @param commandPrefix    A prefix for every SLURM command, e.g. ssh,login.hpc.
     * @param defaultPartition The partition used when a job names none; when not set, SLURM's default.
     * @param checkPartition   Whether requests are checked against the partition's limits before submitting.
     * @param submitAttempts   Submission attempts on transient errors (1-20).
     * @param submitBackoff    The first wait between attempts, doubled after each.
     * @param pollMin          The first interval between status polls.
     * @param pollMax          The longest interval between status polls.
     */
    public record Slurm(@DefaultValue("false") boolean enabled, List<String> commandPrefix, String defaultPartition,
            @DefaultValue("true") boolean checkPartition, @DefaultValue("3") int submitAttempts,
            @DefaultValue("2s") Duration submitBackoff, @DefaultValue("200ms") Duration pollMin,
            @DefaultValue("5s") Duration pollMax) {

        /** Replaces an absent prefix by an empty one. */
        public Slurm {
            commandPrefix = commandPrefix == null ? List.of() : List.copyOf(commandPrefix);
        }
    }
}
