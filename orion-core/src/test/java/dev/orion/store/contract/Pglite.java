package dev.orion.store.contract;

import static org.junit.jupiter.api.Assertions.fail;

import dev.orion.testdata.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL with the pgvector extension for tests: PGlite (PostgreSQL compiled to WebAssembly,
 * npm {@code @electric-sql/pglite}, with {@code @electric-sql/pglite-pgvector}) served over the
 * PostgreSQL wire protocol by {@code @electric-sql/pglite-socket}, run by Node on a free loopback port.
 * {@code scripts/install-test-deps} installs the packages into {@code .cache/pglite} of the checkout.
 * One server per test JVM, stopped at exit. Skips the calling test when Node or the packages are
 * missing, unless {@code ORION_REQUIRE_ENGINES=1}.
 */
public final class Pglite {

    private static PGSimpleDataSource dataSource;

    private Pglite() {
    }

    /** @return the server script of pglite-socket in this checkout */
    static Path serverScript() {
        return TestData.root().toAbsolutePath().getParent().resolve(".cache/pglite/node_modules/@electric-sql/pglite-socket/dist/scripts/server.js");
    }

    /**
     * Starts the server (once per JVM), creates the vector extension, and returns a data source on it
     * as the one PGlite user, {@code postgres} (a superuser: row-level security does not apply to it).
     *
     * @return the data source
     */
    public static synchronized PGSimpleDataSource start() {
        if (dataSource != null) {
            return dataSource;
        }
        Path script = serverScript();
        if (!Files.isRegularFile(script) || !onPath("node")) {
            String why = "PGlite is not installed (" + script + " or node missing); run scripts/install-test-deps";
            if ("1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
                fail(why + " (ORION_REQUIRE_ENGINES=1)");
            }
            Assumptions.abort(why);
        }
        int port = PgliteServer.start(script);
        PGSimpleDataSource ds = PgliteServer.withVectorExtension(port);
        dataSource = ds;
        return ds;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

}
