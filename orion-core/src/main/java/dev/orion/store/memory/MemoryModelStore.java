package dev.orion.store.memory;

import dev.orion.campaign.ModelState;
import dev.orion.store.ModelRecord;
import dev.orion.store.ModelStore;
import dev.orion.store.StoreArguments;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryModelStore implements ModelStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryModelStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public ModelRecord register(String name, ModelState state) {
        StoreArguments.text("name", name, StoreArguments.MAX_KEY_LENGTH);
        Objects.requireNonNull(state, "state");
        synchronized (t) {
            List<ModelRecord> versions = t.models.computeIfAbsent(name, k -> new ArrayList<>());
            if (!versions.isEmpty() && versions.get(versions.size() - 1).state().equals(state)) {
                return versions.get(versions.size() - 1);
            }
            ModelRecord r = new ModelRecord(StoreIds.newId(), name, versions.size() + 1, state, t.clock.instant());
            versions.add(r);
            t.audit(actor, "register", "model", r.id(), Map.of("name", name, "version", Integer.toString(r.version()),
                    "kind", state.kind()));
            return r;
        }
    }

    @Override
    public Optional<ModelRecord> find(String name, int version) {
        synchronized (t) {
            List<ModelRecord> versions = t.models.getOrDefault(name, List.of());
            return version >= 1 && version <= versions.size() ? Optional.of(versions.get(version - 1)) : Optional.empty();
        }
    }

    @Override
    public Optional<ModelRecord> latest(String name) {
        synchronized (t) {
            List<ModelRecord> versions = t.models.getOrDefault(name, List.of());
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }
    }

    @Override
    public List<ModelRecord> versions(String name) {
        synchronized (t) {
            return List.copyOf(t.models.getOrDefault(name, List.of()));
        }
    }
}
