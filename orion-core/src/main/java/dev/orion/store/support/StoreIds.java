package dev.orion.store.support;

import java.util.UUID;

/** Ids for stored resources: random UUIDs, unguessable so ids leak nothing about other rows. */
public final class StoreIds {

    private StoreIds() {
    }

    /** @return a new id */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
