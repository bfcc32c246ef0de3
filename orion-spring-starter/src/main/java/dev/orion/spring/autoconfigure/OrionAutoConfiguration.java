package dev.orion.spring.autoconfigure;

import dev.orion.core.Orion;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.engine.Engine;
import dev.orion.engine.Executor;
import dev.orion.engine.JobListener;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.espresso.EspressoEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.engines.slurm.SlurmExecutor;
import dev.orion.llm.ChatModel;
import dev.orion.store.OrionStores;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures an {@link Orion} from the {@code orion.*} properties ({@link OrionProperties}): its
 * store (embedded H2 by default, PostgreSQL through the application's {@code DataSource}), the engines
 * found on the machine (the built-in EAM engine always, LAMMPS and Quantum ESPRESSO when their programs
 * are found), the local executor and, when {@code orion.slurm.enabled=true}, the SLURM executor. Every
 * bean backs off when the application defines its own; every {@link Engine} and {@link Executor} bean of
 * the application is added to the {@code Orion}, and a unique {@link ChatModel} bean (the router of
 * {@link OrionLlmAutoConfiguration}) becomes its chat model.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(Orion.class)
@EnableConfigurationProperties(OrionProperties.class)
public class OrionAutoConfiguration {

    /** Creates the auto-configuration (Spring does). */
    public OrionAutoConfiguration() {
    }

    /**
     * @param properties  the {@code orion.*} properties
     * @param stores      the store
     * @param engines     every engine bean
     * @param executors   every executor bean
     * @param chatModel   the chat model bean, if there is exactly one
     * @param jobListeners every job listener bean (job metrics, the application's own), told of every tenant's jobs
     * @return the application's ORION instance (closed with the context)
     */
    @Bean
    @ConditionalOnMissingBean
    public Orion orion(OrionProperties properties, OrionStores stores, ObjectProvider<Engine> engines,
            ObjectProvider<Executor> executors, ObjectProvider<ChatModel> chatModel,
            ObjectProvider<JobListener> jobListeners) {
        Orion.Builder b = Orion.builder().store(stores).workRoot(properties.workRoot());
        engines.orderedStream().forEach(b::engine);
        executors.orderedStream().forEach(b::executor);
        if (properties.defaultExecutor() != null) {
            PropertyChecks.apply("orion.default-executor", () -> b.defaultExecutor(properties.defaultExecutor()));
        }
        chatModel.ifUnique(b::chatModel);
        jobListeners.orderedStream().forEach(b::jobListener);
        if (properties.workflows().installLibrary()) {
            b.tenantSetup(WorkflowTemplates.installer());
        }
        return PropertyChecks.apply("orion.default-executor", b::build);
    }

    /** The parts of the {@link Orion}; none is made when the application builds its own {@code Orion}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Orion.class)
    static class Parts {

        @Bean
        @ConditionalOnMissingBean
        OrionStores orionStores(OrionProperties properties, ObjectProvider<DataSource> dataSource) {
            return StoreFactory.open(properties.store(), Optional.ofNullable(dataSource.getIfUnique()));
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "orion.engines.eam", name = "enabled", matchIfMissing = true)
        EamEngine orionEamEngine(OrionProperties properties) {
            EamEngine.Builder b = EamEngine.builder();
            Optional.ofNullable(properties.engines().eam().potentialDir()).ifPresent(b::potentialDir);
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(ProgramFound.Lammps.class)
        LammpsEngine orionLammpsEngine(OrionProperties properties) {
            OrionProperties.Lammps lammps = properties.engines().lammps();
            LammpsEngine.Builder b = LammpsEngine.builder().executable(lammps.executable());
            Optional.ofNullable(lammps.potentialDir()).ifPresent(b::potentialDir);
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(ProgramFound.Espresso.class)
        EspressoEngine orionEspressoEngine(OrionProperties properties) {
            return EspressoEngine.builder().executable(properties.engines().espresso().executable()).build();
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "orion.local", name = "enabled", matchIfMissing = true)
        LocalExecutor orionLocalExecutor(OrionProperties properties) {
            OrionProperties.Local local = properties.local();
            LocalExecutor.Builder b = LocalExecutor.builder();
            if (local.maxConcurrent() != null) {
                PropertyChecks.apply("orion.local.max-concurrent", () -> b.maxConcurrent(local.maxConcurrent()));
            }
            PropertyChecks.apply("orion.local.kill-grace", () -> b.killGrace(local.killGrace()));
            local.environment().forEach(b::environment);
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "orion.slurm", name = "enabled", havingValue = "true")
        SlurmExecutor orionSlurmExecutor(OrionProperties properties) {
            OrionProperties.Slurm slurm = properties.slurm();
            SlurmExecutor.Builder b = SlurmExecutor.builder().checkPartition(slurm.checkPartition());
            if (!slurm.commandPrefix().isEmpty()) {
                b.commandPrefix(slurm.commandPrefix().toArray(String[]::new));
            }
            Optional.ofNullable(slurm.defaultPartition()).ifPresent(b::defaultPartition);
            PropertyChecks.apply("orion.slurm.submit-attempts",
                    () -> b.submitRetries(slurm.submitAttempts(), slurm.submitBackoff()));
            PropertyChecks.apply("orion.slurm.poll-min", () -> b.polling(slurm.pollMin(), slurm.pollMax()));
            return b.build();
        }
    }
}
