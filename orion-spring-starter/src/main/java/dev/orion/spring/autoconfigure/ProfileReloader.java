package dev.orion.spring.autoconfigure;

import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ProfileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the router's profiles when the profile file changes ({@code orion.llm.reload-interval}). A
 * file that does not load (bad YAML, an unknown model) is logged and the profiles in force stay.
 */
final class ProfileReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileReloader.class);

    private final Path file;
    private final LlmRouter router;
    private final ScheduledExecutorService timer;
    private FileTime loaded;

    ProfileReloader(Path file, LlmRouter router, Duration interval) {
        this.file = file;
        this.router = router;
        this.loaded = modified();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orion-profile-reloader");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reloads the profiles if the file changed since they were last loaded. */
    synchronized void check() {
        FileTime now = modified();
        if (now == null || now.equals(loaded)) {
            return;
        }
        loaded = now;
        try {
            router.reloadProfiles(ProfileSet.fromYaml(file));
            LOG.info("reloaded the LLM profiles from {}", file);
        } catch (LlmConfigurationException e) {
            LOG.warn("kept the LLM profiles in force: {}", e.getMessage());
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            LOG.debug("cannot read the modification time of {}: {}", file, e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
