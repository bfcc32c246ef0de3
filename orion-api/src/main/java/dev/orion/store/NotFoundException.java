package dev.orion.store;

/**
 * A mutation named a resource that does not exist in the calling tenant (which is also what a
 * resource of another tenant looks like).
 */
public class NotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String resourceType;
    private final String resourceId;

    /**
     * @param resourceType the kind of resource, e.g. {@code "job"}
     * @param resourceId   the id that was not found
     */
    public NotFoundException(String resourceType, String resourceId) {
        super(resourceType + " '" + resourceId + "' not found in this tenant");
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    /** @return the kind of resource */
    public String resourceType() {
        return resourceType;
    }

    /** @return the id that was not found */
    public String resourceId() {
        return resourceId;
    }
}
