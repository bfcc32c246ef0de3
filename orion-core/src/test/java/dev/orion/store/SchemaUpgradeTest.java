package dev.orion.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.store.contract.Backends;
import dev.orion.store.contract.MutableClock;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An embedded database created by an earlier ORION (schema V1 only) opens with today's stores: the
 * later migrations apply on top, and the jobs stored before keep working.
 */
class SchemaUpgradeTest {

    @Test
    void aVersionOneDatabaseGainsJobIdempotencyKeysAndKeepsItsJobs() throws Exception {
        String name = "upgrade-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        raw.setUser("orion");
        raw.setPassword("");
        Flyway.configure(SchemaUpgradeTest.class.getClassLoader()).dataSource(raw).locations("classpath:db/orion/common")
                .table("orion_schema_history").baselineOnMigrate(true).baselineVersion("0").target("1").load().migrate();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (tenant_id, id, engine, executor, input, status, created_at, updated_at, version)"
                    + " VALUES ('acme', 'old-job', 'lammps', 'local', '{}', 'SUCCEEDED', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 3)");
        }

        try (var stores = Stores.h2InMemory(name, new MutableClock(Backends.T0))) {
            TenantStores acme = stores.tenant(TenantId.of("acme"), Principal.user("alice"));
            JobRecord old = acme.jobs().find("old-job").orElseThrow();
            assertThat(old.idempotencyKey()).isEmpty();
            assertThat(old.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            JobCreation keyed = acme.jobs().createIfAbsent(NewJob.of("qe", "local", "{}").withIdempotencyKey("k"));
            assertThat(keyed.created()).isTrue();
            assertThat(acme.jobs().createIfAbsent(NewJob.of("qe", "local", "{}").withIdempotencyKey("k")).job())
                    .isEqualTo(keyed.job());
            assertThat(acme.jobs().count(JobFilter.all())).isEqualTo(2);
        }
    }
}
