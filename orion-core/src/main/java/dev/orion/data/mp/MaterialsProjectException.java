package dev.orion.data.mp;

import dev.orion.OrionException;

/**
 * A Materials Project request that failed: the server answered with an error, or could not be
 * reached after the retries. The subclasses name the failures a caller can act on
 * (authentication, a missing route, rate limiting, an unknown field).
 */
public class MaterialsProjectException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status of the last answer, 0 if none was received
     * @param message what failed, with the request's URL (which never contains the API key)
     */
    public MaterialsProjectException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @param status  the HTTP status of the last answer, 0 if none was received
     * @param message what failed
     * @param cause   the underlying failure
     */
    public MaterialsProjectException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the HTTP status of the last answer, 0 if none was received (a network failure) */
    public int status() {
        return status;
    }
}
