package dev.orion.store.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Starts PGlite's socket server ({@code @electric-sql/pglite-socket}) with the pgvector extension
 * loaded, under Node, on a free loopback port, and stops it when the JVM exits. Used by the tests
 * (through {@link Pglite}) and by orion-bench's vector search benchmark.
 */
public final class PgliteServer {

    private PgliteServer() {
    }

    /**
     * @param script pglite-socket's {@code dist/scripts/server.js}
     * @return the port it listens on (127.0.0.1), once it does
     * @throws IllegalStateException if it exits or does not listen within 120 s
     */
    public static int start(Path script) {
        int port = freePort();
        try {
            Process p = new ProcessBuilder("node", script.toString(), "--host=127.0.0.1", "--port=" + port,
                    "--extensions=@electric-sql/pglite-pgvector:vector", "--max-connections=8")
                    .directory(script.getParent().toFile()).redirectErrorStream(true).start();
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
                synchronized (output) {
                    throw new IllegalStateException("PGlite server exited before listening: " + output);
                }
            }
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("PGlite server did not start within 120 s", e);
        }
    }

    /**
     * @param port the port of a started server
     * @return a data source on it as PGlite's one user, {@code postgres}, after creating the vector extension
     */
    public static PGSimpleDataSource withVectorExtension(int port) {
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
        return ds;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
