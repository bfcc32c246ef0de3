package dev.orion.data.mp;

/**
 * The Materials Project refused the API key (HTTP 401 or 403): it is missing, wrong or revoked.
 * The message never contains the key.
 */
public final class MpAuthenticationException extends MaterialsProjectException {

    private static final long serialVersionUID = 1L;

    /**
     * @param status  401 or 403
     * @param message what the server said, with the request's URL
     */
    public MpAuthenticationException(int status, String message) {
        super(status, message);
    }
}
