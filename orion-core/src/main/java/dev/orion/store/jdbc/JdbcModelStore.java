package dev.orion.store.jdbc;

import dev.orion.campaign.ModelState;
import dev.orion.store.ModelRecord;
import dev.orion.store.ModelStore;
import dev.orion.store.StoreArguments;
import dev.orion.store.StoreException;
import dev.orion.store.internal.StoreIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

final class JdbcModelStore implements ModelStore {

    private static final String SELECT = "SELECT id, name, version, kind, hyperparameters, data_hash, training_size,"
            + " log_likelihood, cv_rmse, created_at FROM surrogate_models";
    /** Attempts when another writer takes the same version number first. */
    private static final int ATTEMPTS = 5;

    private final View v;

    JdbcModelStore(View v) {
        this.v = v;
    }

    private static ModelRecord map(ResultSet rs) throws SQLException {
        ModelState state = new ModelState(rs.getString("kind"), JsonColumns.doubleMap(rs.getString("hyperparameters")),
                rs.getString("data_hash"), rs.getInt("training_size"), optional(rs, "log_likelihood"),
                optional(rs, "cv_rmse"));
        return new ModelRecord(rs.getString("id"), rs.getString("name"), rs.getInt("version"), state,
                Columns.instant(rs, "created_at"));
    }

    private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public ModelRecord register(String name, ModelState state) {
        StoreArguments.text("name", name, StoreArguments.MAX_KEY_LENGTH);
        Objects.requireNonNull(state, "state");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ModelRecord> stored = v.tx("register model", c -> {
                Optional<ModelRecord> latest = Queries.one(c, SELECT + " WHERE tenant_id = ? AND name = ?"
                        + " ORDER BY version DESC LIMIT 1", JdbcModelStore::map, v.t(), name);
                if (latest.isPresent() && latest.get().state().equals(state)) {
                    return latest;
                }
                Instant now = v.now();
                ModelRecord r = new ModelRecord(StoreIds.newId(), name, latest.map(ModelRecord::version).orElse(0) + 1,
                        state, now);
                int inserted = Queries.update(c, "INSERT INTO surrogate_models (tenant_id, id, name, version, kind,"
                                + " hyperparameters, data_hash, training_size, log_likelihood, cv_rmse, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        v.t(), r.id(), name, r.version(), state.kind(), JsonColumns.writeInOrder(state.hyperparameters()),
                        state.dataHash(), state.trainingSize(), boxed(state.logMarginalLikelihood()),
                        boxed(state.crossValidatedRmse()), now);
                if (inserted == 0) {
                    return Optional.<ModelRecord>empty();
                }
                v.audit(c, now, "register", "model", r.id(), Map.of("name", name, "version",
                        Integer.toString(r.version()), "kind", state.kind()));
                return Optional.of(r);
            });
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new StoreException("registering model " + name + " lost the race for a version number " + ATTEMPTS
                + " times");
    }

    private static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    @Override
    public Optional<ModelRecord> find(String name, int version) {
        Objects.requireNonNull(name, "name");
        return v.tx("read model", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND name = ? AND version = ?",
                JdbcModelStore::map, v.t(), name, version));
    }

    @Override
    public Optional<ModelRecord> latest(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read model", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND name = ?"
                + " ORDER BY version DESC LIMIT 1", JdbcModelStore::map, v.t(), name));
    }

    @Override
    public List<ModelRecord> versions(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read models", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? AND name = ? ORDER BY version",
                List.of(v.t(), name), JdbcModelStore::map));
    }
}
