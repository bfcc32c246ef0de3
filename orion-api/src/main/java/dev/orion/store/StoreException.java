package dev.orion.store;

import dev.orion.OrionException;

/**
 * A store could not do what was asked (database unreachable, constraint violated, corrupt row).
 * Nothing the failed call meant to write was stored.
 */
public class StoreException extends OrionException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and where */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed and where
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
