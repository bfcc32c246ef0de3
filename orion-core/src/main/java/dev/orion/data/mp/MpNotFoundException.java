package dev.orion.data.mp;

/**
 * The Materials Project has no such route (HTTP 404): a wrong base URL, or a route that the API
 * renamed or retired.
 */
public final class MpNotFoundException extends MaterialsProjectException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path    the path that was not found, e.g. {@code /materials/summary/}
     * @param message what the server said
     */
    public MpNotFoundException(String path, String message) {
        super(404, message);
        this.path = path;
    }

    /** @return the path that was not found */
    public String path() {
        return path;
    }
}
