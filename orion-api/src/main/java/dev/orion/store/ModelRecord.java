package dev.orion.store;

import dev.orion.campaign.ModelState;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a fitted surrogate in the tenant's {@link ModelStore}.
 *
 * @param id        the store's id of this version
 * @param name      the model's name (versions are numbered per name)
 * @param version   the version number, from 1
 * @param state     what rebuilds the model: kind, hyperparameters, data hash and size, fit quality
 * @param createdAt when it was registered
 */
public record ModelRecord(String id, String name, int version, ModelState state, Instant createdAt) {

    /** Validates. */
    public ModelRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
