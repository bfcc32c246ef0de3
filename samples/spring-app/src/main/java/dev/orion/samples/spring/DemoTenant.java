package dev.orion.samples.spring;

import dev.orion.core.Orion;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes a demo tenant usable on first start: issues it an API key with every scope, keeps the key in a file
 * readable only by its owner (ORION stores only a hash, so the file is the one copy), and prints how to log in
 * to the admin page. On later starts the same key is printed again while it is valid; a revoked or deleted
 * key is replaced by a new one. Off with {@code orion.sample.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "orion.sample.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoTenant {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);

    private final Orion orion;
    private final TenantId tenant;
    private final Path keyFile;
    private final Environment environment;

    DemoTenant(Orion orion, @Value("${orion.sample.demo.tenant:demo}") String tenant,
               @Value("${orion.sample.demo.key-file:orion-data/demo-api-key}") Path keyFile, Environment environment) {
        this.orion = orion;
        this.tenant = TenantId.of(tenant);
        this.keyFile = keyFile;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String key = existing().orElseGet(this::issue);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        // the sample's one console message: the demo key is what the person who started it needs to log in
        System.out.printf("%n  ORION sample application%n  admin page:  http://localhost:%s/admin/%n"
                        + "  API docs:    http://localhost:%s/swagger-ui.html%n  tenant:      %s%n  API key:     %s%n"
                        + "  (kept in %s; try: curl -H 'X-API-Key: %s' http://localhost:%s/api/structures)%n%n",
                port, port, tenant.value(), key, keyFile.toAbsolutePath(), key, port);
    }

    private Optional<String> existing() {
        if (!Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            ApiKeyCheck check = orion.authenticate(key, "structures:read");
            if (check instanceof ApiKeyCheck.Accepted accepted && accepted.key().tenant().equals(tenant)) {
                return Optional.of(key);
            }
            LOG.info("the demo key in {} is no longer valid ({}); issuing a new one", keyFile, check);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo key file " + keyFile, e);
        }
    }

    private String issue() {
        IssuedApiKey issued = orion.tenant(tenant, Principal.system("sample-app")).apiKeys().issue(NewApiKey.of("demo admin", "*"));
        try {
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(keyFile, issued.secret() + "\n", StandardCharsets.UTF_8);
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo key file " + keyFile, e);
        }
        LOG.info("issued demo API key {} for tenant {}", issued.key().id(), tenant.value());
        return issued.secret();
    }
}
