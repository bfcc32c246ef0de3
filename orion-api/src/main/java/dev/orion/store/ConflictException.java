package dev.orion.store;

/**
 * A mutation lost a race or broke a uniqueness rule: an optimistic version check failed, a state
 * transition started from a state the resource is no longer in, or a unique name was taken.
 */
public class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** @param message what conflicted */
    public ConflictException(String message) {
        super(message);
    }
}
