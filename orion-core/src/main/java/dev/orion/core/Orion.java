package dev.orion.core;

import dev.orion.core.jobs.JobService;
import dev.orion.engine.Engine;
import dev.orion.engine.Executor;
import dev.orion.engine.JobListener;
import dev.orion.llm.ChatModel;
import dev.orion.llm.EmbeddingModel;
import dev.orion.store.AdminStores;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ORION instance of an application: built once, shared, closed at shutdown. Everything that
 * reads or writes data goes through a tenant view from {@link #tenant(TenantId)}, so code that holds
 * no tenant cannot touch data.
 *
 * <pre>{@code
 * try (Orion orion = Orion.builder()
 *         .store(Stores.embedded(Path.of("orion-data")))
 *         .engine(LammpsEngine.builder().build())
 *         .executor(LocalExecutor.builder().build())
 *         .build()) {
 *     OrionTenant acme = orion.tenant(TenantId.of("acme"));
 *     JobRecord job = acme.jobs().submit(JobRequest.of(relax, "lammps"));
 *     CalculationResult r = acme.jobs().awaitResult(job.id(), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>An instance owns what it was built with: {@link #close()} shuts down the tenants' job services,
 * then closes the executors, engines and chat model that are {@link AutoCloseable}, then the stores.
 */
public final class Orion implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Orion.class);

    private final OrionStores store;
    private final Principal defaultActor;
    private final List<Engine> engines;
    private final List<Executor> executors;
    private final Optional<String> defaultExecutor;
    private final Path workRoot;
    private final Optional<ChatModel> chatModel;
    private final Optional<EmbeddingModel> embeddingModel;
    private final List<JobListener> jobListeners;
    private final List<TenantSetup> tenantSetups;
    private final Map<TenantId, JobService> jobServices = new ConcurrentHashMap<>();
    /** Tenants whose setups ran in this instance. */
    private final Map<TenantId, Boolean> prepared = new ConcurrentHashMap<>();
    private boolean closed;

    private Orion(Builder b) {
        this.store = b.store.orElseGet(() -> Stores.embedded(Path.of("orion-data")));
        this.defaultActor = b.defaultActor;
        this.engines = List.copyOf(b.engines.values());
        this.executors = List.copyOf(b.executors.values());
        this.defaultExecutor = b.defaultExecutor;
        this.workRoot = b.workRoot;
        this.chatModel = b.chatModel;
        this.embeddingModel = b.embeddingModel.or(() -> b.chatModel.filter(EmbeddingModel.class::isInstance)
                .map(EmbeddingModel.class::cast));
        this.jobListeners = List.copyOf(b.jobListeners);
        this.tenantSetups = List.copyOf(b.tenantSetups);
    }

    /** @return a builder; without {@code store(...)} ORION uses an embedded database in {@code ./orion-data} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param tenant the tenant, not {@link TenantId#ADMIN}
     * @return the tenant's view, acting as the builder's default actor
     */
    public OrionTenant tenant(TenantId tenant) {
        return tenant(tenant, defaultActor);
    }

    /**
     * The first call for a tenant runs the builder's {@link Builder#tenantSetup tenant setups} first.
     *
     * @param tenant the tenant, not {@link TenantId#ADMIN}
     * @param actor  who acts through the view's stores (named in audit events)
     * @return the tenant's view
     * @throws RuntimeException what a tenant setup threw (it runs again on the next call)
     */
    public OrionTenant tenant(TenantId tenant, Principal actor) {
        OrionTenant view = new OrionTenant(this, store.tenant(tenant, actor));
        if (!tenantSetups.isEmpty() && !prepared.containsKey(tenant)) {
            // one setup at a time per tenant; a setup that throws leaves the tenant unprepared
            prepared.computeIfAbsent(tenant, t -> {
                OrionTenant system = new OrionTenant(this, store.tenant(t, defaultActor));
                tenantSetups.forEach(s -> s.prepare(system));
                LOG.debug("prepared tenant {} with {} setup(s)", t.value(), tenantSetups.size());
                return Boolean.TRUE;
            });
        }
        return view;
    }

    /**
     * @param actor who is acting
     * @return the audited cross-tenant view of the stores
     * @see OrionStores#admin(Principal)
     */
    public AdminStores admin(Principal actor) {
        return store.admin(actor);
    }

    /**
     * @param presentedKey  the full key text as the client sent it
     * @param requiredScope the scope the call needs
     * @return whether the key was accepted, and if not, why
     * @see OrionStores#authenticate(String, String)
     */
    public ApiKeyCheck authenticate(String presentedKey, String requiredScope) {
        return store.authenticate(presentedKey, requiredScope);
    }

    /**
     * Returns the store SPI this instance was built with, for components that build on it (an
     * orion-llm router, a {@link JobService} with its own policies). Applications use
     * {@link #tenant(TenantId)}, whose view leaves out the store machinery.
     *
     * @return the stores this instance was built with
     */
    public OrionStores stores() {
        return store;
    }

    /** The chat model, for the tenant views only: it takes any tenant, so it is not handed out unbound. */
    ChatModel chatModel() {
        return chatModel.orElseThrow(() -> new IllegalStateException(
                "ORION was built without a chat model: add one with Orion.builder().chatModel(...)"));
    }

    /** The embedding model, for the tenant views only (it takes any tenant). */
    EmbeddingModel embeddingModel() {
        return embeddingModel.orElseThrow(() -> new IllegalStateException(
                "ORION was built without an embedding model: add one with Orion.builder().embeddingModel(...), "
                        + "or give chatModel(...) an orion-llm router, which embeds too"));
    }

    JobService jobs(TenantId tenant) {
        if (engines.isEmpty()) {
            throw new IllegalStateException("ORION was built without an engine: add one with Orion.builder().engine(...)");
        }
        JobService running = jobServices.get(tenant);
        if (running != null) {
            return running;
        }
        // serialised with close(), so that no service starts after close() collected the ones to stop
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("ORION is closed");
            }
            return jobServices.computeIfAbsent(tenant, this::startJobs);
        }
    }

    private JobService startJobs(TenantId tenant) {
        JobService.Builder b = JobService.builder(store.tenant(tenant, defaultActor)).workRoot(workRoot);
        engines.forEach(b::engine);
        executors.forEach(b::executor);
        defaultExecutor.ifPresent(b::defaultExecutor);
        jobListeners.forEach(b::listener);
        JobService service = b.build();
        service.start();
        LOG.debug("started the job service of tenant {}", tenant.value());
        return service;
    }

    /**
     * Shuts down the job services (runs in progress are released to the next start, see
     * {@link JobService#shutdown}), closes the executors, engines and chat model that are
     * {@link AutoCloseable}, and closes the stores (and their connection pool, if ORION opened it).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (TenantId tenant : List.copyOf(jobServices.keySet())) {
            JobService service = jobServices.remove(tenant);
            if (service != null) {
                service.close();
            }
        }
        List<Object> owned = new ArrayList<>(executors);
        owned.addAll(engines);
        chatModel.ifPresent(owned::add);
        for (Object o : owned) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", o, e.toString());
                }
            }
        }
        store.close();
    }

    /** Configures an {@link Orion}. */
    public static final class Builder {
        private Optional<OrionStores> store = Optional.empty();
        private Principal defaultActor = Principal.system("orion");
        private final Map<String, Engine> engines = new LinkedHashMap<>();
        private final Map<String, Executor> executors = new LinkedHashMap<>();
        private Optional<String> defaultExecutor = Optional.empty();
        private Path workRoot = Path.of("orion-work");
        private Optional<ChatModel> chatModel = Optional.empty();
        private Optional<EmbeddingModel> embeddingModel = Optional.empty();
        private final List<JobListener> jobListeners = new ArrayList<>();
        private final List<TenantSetup> tenantSetups = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a setup that prepares each tenant's data the first time this instance hands out a view of it, e.g.
         * {@code tenantSetup(WorkflowTemplates.installer())} loads the shipped workflow library (idempotently) into every
         * tenant's template store. Setups run in the order added, acting as the {@link #defaultActor}.
         *
         * @param setup the setup
         * @return this builder
         */
        public Builder tenantSetup(TenantSetup setup) {
            tenantSetups.add(Objects.requireNonNull(setup, "setup"));
            return this;
        }

        /**
         * @param stores where data lives: {@link Stores#embedded}, {@link Stores#postgres}, {@link Stores#inMemory()}
         * @return this
         */
        public Builder store(OrionStores stores) {
            this.store = Optional.of(Objects.requireNonNull(stores, "stores"));
            return this;
        }

        /**
         * @param actor who {@link Orion#tenant(TenantId)} views and the job services act as (default {@code system:orion})
         * @return this
         */
        public Builder defaultActor(Principal actor) {
            this.defaultActor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * @param engine an engine that jobs can name (by {@link Engine#name()}); call once per engine
         * @return this
         * @throws IllegalArgumentException if an engine of the same name was added
         */
        public Builder engine(Engine engine) {
            Objects.requireNonNull(engine, "engine");
            if (engines.putIfAbsent(engine.name(), engine) != null) {
                throw new IllegalArgumentException("engine '" + engine.name() + "' was added twice");
            }
            return this;
        }

        /**
         * @param executor where program engines run (by {@link Executor#name()}); call once per
         *                 executor; the first is the default unless {@link #defaultExecutor} names another
         * @return this
         * @throws IllegalArgumentException if an executor of the same name was added
         */
        public Builder executor(Executor executor) {
            Objects.requireNonNull(executor, "executor");
            if (executors.putIfAbsent(executor.name(), executor) != null) {
                throw new IllegalArgumentException("executor '" + executor.name() + "' was added twice");
            }
            return this;
        }

        /**
         * @param name the executor used when a job request names none
         * @return this
         */
        public Builder defaultExecutor(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("defaultExecutor must be named, got '" + name + "'");
            }
            this.defaultExecutor = Optional.of(name);
            return this;
        }

        /**
         * @param dir where jobs' work folders go ({@code dir/tenant/job/attempt-N}; default {@code ./orion-work})
         * @return this
         */
        public Builder workRoot(Path dir) {
            this.workRoot = Objects.requireNonNull(dir, "workRoot");
            return this;
        }

        /**
         * @param model the chat model that LLM-advised features use, for example an orion-llm router; code reaches
         *              it only bound to a tenant, through {@link OrionTenant#llm()}
         * @return this
         */
        public Builder chatModel(ChatModel model) {
            this.chatModel = Optional.of(Objects.requireNonNull(model, "chatModel"));
            return this;
        }

        /**
         * @param model the embedding model that text similarity uses; code reaches it only bound to a tenant,
         *              through {@link OrionTenant#embeddings()}. Without it, a {@link #chatModel} that also embeds
         *              (an orion-llm router) serves embeddings.
         * @return this
         */
        public Builder embeddingModel(EmbeddingModel model) {
            this.embeddingModel = Optional.of(Objects.requireNonNull(model, "embeddingModel"));
            return this;
        }

        /**
         * Adds a listener to every tenant's job service (e.g. metrics of jobs by state and duration); it is told of
         * every job event of every tenant, on the job service's threads, so it must be quick and thread-safe.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder jobListener(JobListener listener) {
            jobListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @return the instance
         * @throws IllegalArgumentException if the default executor names none that was added
         */
        public Orion build() {
            defaultExecutor.ifPresent(name -> {
                if (!executors.containsKey(name)) {
                    throw new IllegalArgumentException("defaultExecutor '" + name + "' is not one of the executors "
                            + executors.keySet());
                }
            });
            return new Orion(this);
        }
    }
}
