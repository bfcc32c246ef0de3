package dev.orion.store.contract;

import static org.junit.jupiter.api.Assertions.fail;

import dev.orion.testdata.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static Process process;

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
        int port = freePort();
        try {
            Process p = new ProcessBuilder("node", script.toString(), "--host=127.0.0.1", "--port=" + port,
                    "--extensions=@electric-sql/pglite-pgvector:vector", "--max-connections=8")
                    .directory(script.getParent().toFile()).redirectErrorStream(true).start();
            process = p;
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            List<String> output = new ArrayList<>();
            CompletableFuture<Boolean> listening = new CompletableFuture<>();
            // one reader for the server's whole life, so its output pipe never fills
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!listening.isDone()) {
                            synchronized (output) {
                                output.add(line);
                            }
                            if (line.contains("listening")) {
                                listening.complete(true);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the server stopped
                }
                listening.complete(false);
            }, "pglite-output");
            reader.setDaemon(true);
            reader.start();
            if (!listening.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("PGlite server exited before listening: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("PGlite server did not start within 120 s", e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setSslMode("disable");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new IllegalStateException("creating the vector extension in PGlite failed", e);
        }
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
