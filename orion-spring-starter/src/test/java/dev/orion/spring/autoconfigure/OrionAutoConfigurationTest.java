package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.engine.Executor;
import dev.orion.engines.ProgramVersion;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.espresso.EspressoEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.engines.slurm.SlurmExecutor;
import dev.orion.llm.router.LlmRouter;
import dev.orion.spring.autoconfigure.OrionProperties.StoreType;
import dev.orion.store.AuditFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.jdbc.JdbcStores;
import dev.orion.store.memory.MemoryStores;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OrionAutoConfigurationTest {

    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionLlmAutoConfiguration.class))
                .withPropertyValues("orion.store.folder=" + dir.resolve("data"), "orion.work-root=" + dir.resolve("work"));
    }

    @Test
    void withNothingConfiguredOrionKeepsItsDataInAnEmbeddedDatabaseAndRunsWithoutAChatModel() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Orion.class).hasSingleBean(EamEngine.class)
                    .hasSingleBean(LocalExecutor.class).doesNotHaveBean(SlurmExecutor.class)
                    .doesNotHaveBean(LlmRouter.class);
            Orion orion = context.getBean(Orion.class);
            assertThat(orion.stores()).isSameAs(context.getBean(OrionStores.class)).isInstanceOf(JdbcStores.class);
            assertThat(dir.resolve("data/orion.mv.db")).exists();
            assertThat(orion.tenant(ACME).apiKeys().list()).isEmpty();
            assertThatThrownBy(() -> orion.tenant(ACME).llm()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without a chat model");
            OrionProperties properties = context.getBean(OrionProperties.class);
            assertThat(properties.store().type()).isNull();
            assertThat(properties.slurm().enabled()).isFalse();
            assertThat(properties.local().killGrace()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void theShippedWorkflowLibraryIsLoadedOnFirstUseOfATenantOnceAcrossRestartsUnlessSwitchedOff() {
        int shipped = WorkflowTemplates.all().size();
        AuditFilter saves = AuditFilter.all().withResourceType("workflow-template").withAction("save");
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OrionProperties.class).workflows().installLibrary()).isTrue();
            OrionTenant acme = context.getBean(Orion.class).tenant(ACME);
            assertThat(acme.workflowTemplates().list()).hasSize(shipped);
            assertThat(acme.audit().count(saves)).isEqualTo(shipped);
        });
        // restarted on the same database: the unchanged library is not written again
        runner().run(context -> {
            OrionTenant acme = context.getBean(Orion.class).tenant(ACME);
            assertThat(acme.workflowTemplates().list()).hasSize(shipped).allSatisfy(t -> assertThat(t.version()).isEqualTo(1));
            assertThat(acme.audit().count(saves)).isEqualTo(shipped);
        });
        runner().withPropertyValues("orion.workflows.install-library=false").run(context ->
                assertThat(context.getBean(Orion.class).tenant(TenantId.of("fresh")).workflowTemplates().list()).isEmpty());
    }

    @Test
    void theDefaultFoldersAreOrionDataAndOrionWork() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class))
                .withPropertyValues("orion.store.type=memory")
                .run(context -> {
                    OrionProperties properties = context.getBean(OrionProperties.class);
                    assertThat(properties.store().folder()).isEqualTo(Path.of("orion-data"));
                    assertThat(properties.workRoot()).isEqualTo(Path.of("orion-work"));
                });
    }

    @Test
    void programEnginesAreAddedExactlyWhenTheirProgramsAreFound() {
        boolean lammps = ProgramVersion.find("lmp").isPresent();
        boolean espresso = ProgramVersion.find("pw.x").isPresent();
        runner().run(context -> {
            assertThat(context.getBeansOfType(LammpsEngine.class)).hasSize(lammps ? 1 : 0);
            assertThat(context.getBeansOfType(EspressoEngine.class)).hasSize(espresso ? 1 : 0);
        });
        runner().withPropertyValues("orion.engines.lammps.executable=" + dir.resolve("no-such-lmp"),
                "orion.engines.espresso.executable=no-such-pw.x").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(LammpsEngine.class).doesNotHaveBean(EspressoEngine.class));
    }

    @Test
    void anEnginePointedAtAnExecutableFileIsAdded() throws Exception {
        Path fake = Files.createFile(dir.resolve("lmp-custom"));
        fake.toFile().setExecutable(true);
        runner().withPropertyValues("orion.engines.lammps.executable=" + fake).run(context ->
                assertThat(context).hasSingleBean(LammpsEngine.class));
    }

    @Test
    void enginesAndTheLocalExecutorCanBeSwitchedOff() {
        runner().withPropertyValues("orion.engines.eam.enabled=false", "orion.engines.lammps.enabled=false",
                "orion.engines.espresso.enabled=false", "orion.local.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Orion.class).doesNotHaveBean(EamEngine.class)
                            .doesNotHaveBean(LammpsEngine.class).doesNotHaveBean(EspressoEngine.class)
                            .doesNotHaveBean(LocalExecutor.class);
                    assertThatThrownBy(() -> context.getBean(Orion.class).tenant(ACME).jobs())
                            .hasMessageContaining("without an engine");
                });
    }

    @Test
    void theLocalExecutorTakesItsProperties() {
        runner().withPropertyValues("orion.local.max-concurrent=3", "orion.local.kill-grace=1s",
                "orion.local.environment.OMP_NUM_THREADS=2").run(context -> {
                    assertThat(context.getBean(LocalExecutor.class).maxConcurrent()).isEqualTo(3);
                    assertThat(context.getBean(OrionProperties.class).local().environment())
                            .isEqualTo(Map.of("OMP_NUM_THREADS", "2"));
                });
    }

    @Test
    void slurmIsAddedWhenEnabledAndCanBeTheDefaultExecutor() {
        runner().withPropertyValues("orion.slurm.enabled=true", "orion.slurm.command-prefix=ssh,login.hpc",
                "orion.slurm.default-partition=short", "orion.default-executor=slurm").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SlurmExecutor.class).hasSingleBean(LocalExecutor.class);
                    assertThat(context.getBeansOfType(Executor.class)).hasSize(2);
                    assertThat(context.getBean(OrionProperties.class).slurm().commandPrefix())
                            .containsExactly("ssh", "login.hpc");
                });
    }

    @Test
    void theMemoryStoreKeepsNothingOnDisk() {
        runner().withPropertyValues("orion.store.type=memory").run(context -> {
            assertThat(context.getBean(OrionStores.class)).isInstanceOf(MemoryStores.class);
            assertThat(context.getBean(OrionProperties.class).store().type()).isEqualTo(StoreType.MEMORY);
            assertThat(dir.resolve("data")).doesNotExist();
        });
    }

    @Test
    void userBeansReplaceOrions() {
        runner().withUserConfiguration(UserParts.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OrionStores.class)).isSameAs(UserParts.STORES);
            assertThat(context.getBean(Orion.class).stores()).isSameAs(UserParts.STORES);
            assertThat(context.getBean(LocalExecutor.class).maxConcurrent()).isEqualTo(1);
            assertThat(context.getBean(EamEngine.class)).isSameAs(context.getBean("myEam"));
            assertThat(dir.resolve("data")).doesNotExist();
        });
    }

    @Test
    void anApplicationsOwnOrionReplacesOrionAndAllItsParts() {
        runner().withUserConfiguration(UserOrion.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Orion.class).doesNotHaveBean(OrionStores.class)
                    .doesNotHaveBean(EamEngine.class).doesNotHaveBean(LocalExecutor.class);
            assertThat(context.getBean(Orion.class).stores()).isInstanceOf(MemoryStores.class);
        });
    }

    @Test
    void aValueOfTheWrongKindFailsStartUpNamingTheProperty() {
        runner().withPropertyValues("orion.store.type=mongo").run(context ->
                assertThat(StartupFailures.messages(context)).anyMatch(m -> m.contains("orion.store.type")));
        runner().withPropertyValues("orion.local.kill-grace=soon").run(context ->
                assertThat(StartupFailures.messages(context)).anyMatch(m -> m.contains("orion.local.kill-grace")));
    }

    @Test
    void valuesTheBuildersRejectFailStartUpNamingTheProperty() {
        runner().withPropertyValues("orion.local.max-concurrent=0").run(context ->
                StartupFailures.namesProperty(context, "orion.local.max-concurrent", "1..1024, got 0"));
        runner().withPropertyValues("orion.local.kill-grace=-1s").run(context ->
                StartupFailures.namesProperty(context, "orion.local.kill-grace", "must be >= 0"));
        runner().withPropertyValues("orion.slurm.enabled=true", "orion.slurm.submit-attempts=0").run(context ->
                StartupFailures.namesProperty(context, "orion.slurm.submit-attempts", "1..20, got 0"));
        runner().withPropertyValues("orion.slurm.enabled=true", "orion.slurm.poll-min=10s", "orion.slurm.poll-max=1s")
                .run(context -> StartupFailures.namesProperty(context, "orion.slurm.poll-min", "min <= max"));
        runner().withPropertyValues("orion.default-executor=slurm").run(context ->
                StartupFailures.namesProperty(context, "orion.default-executor", "'slurm' is not one of the executors"));
        runner().withPropertyValues("orion.store.type=postgres").run(context ->
                StartupFailures.namesProperty(context, "orion.store.type", "needs the application's DataSource"));
        runner().withPropertyValues("orion.store.folder=" + dir.resolve("a;INIT=x")).run(context ->
                StartupFailures.namesProperty(context, "orion.store.folder", "must not contain ';'"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserParts {
        static final OrionStores STORES = Stores.inMemory();

        @Bean
        OrionStores myStores() {
            return STORES;
        }

        @Bean
        LocalExecutor myExecutor() {
            return LocalExecutor.builder().maxConcurrent(1).build();
        }

        @Bean
        EamEngine myEam() {
            return EamEngine.builder().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserOrion {
        @Bean
        Orion myOrion() {
            return Orion.builder().store(Stores.inMemory()).build();
        }
    }
}
