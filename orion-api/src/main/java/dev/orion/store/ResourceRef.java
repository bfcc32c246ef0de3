package dev.orion.store;

/**
 * Points at a stored resource of the view's tenant by type and id, e.g. {@code ("job", "j-42")}.
 *
 * @param type the resource type ({@code structure}, {@code job}, {@code campaign}, ...)
 * @param id   the resource id
 */
public record ResourceRef(String type, String id) {

    /** Validates. */
    public ResourceRef {
        StoreArguments.text("resource type", type, 100);
        StoreArguments.text("resource id", id, 200);
    }

    /** @param type type  @param id id  @return the reference */
    public static ResourceRef of(String type, String id) {
        return new ResourceRef(type, id);
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
