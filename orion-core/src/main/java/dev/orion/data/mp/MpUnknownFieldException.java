package dev.orion.data.mp;

import java.util.List;

/**
 * The Materials Project rejected query parameters it does not know (for example a range over a
 * field the route does not index): the server answers "Request contains query parameters which
 * cannot be used: ...".
 */
public final class MpUnknownFieldException extends MaterialsProjectException {

    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    /**
     * @param status  the HTTP status (400, or 404 on older servers)
     * @param fields  the parameters the server named
     * @param message what failed, with the request's URL
     */
    public MpUnknownFieldException(int status, List<String> fields, String message) {
        super(status, message);
        this.fields = List.copyOf(fields);
    }

    /** @return the parameters the server could not use, e.g. {@code [band_gapp_min]} */
    public List<String> fields() {
        return fields;
    }
}
