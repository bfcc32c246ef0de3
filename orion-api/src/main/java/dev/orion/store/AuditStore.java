package dev.orion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audit log of one tenant. Stores write events for their own mutations; applications may add
 * events of their own with {@link #record}. Events cannot be changed or deleted through the SPI.
 */
public interface AuditStore {

    /**
     * Records an application-defined event, acting as the view's actor.
     *
     * @param action       the verb
     * @param resourceType the kind of resource
     * @param resourceId   its id
     * @param details      what happened (never secrets)
     * @return the stored event
     */
    AuditEvent record(String action, String resourceType, String resourceId, Map<String, String> details);

    /** @param filter the filter  @param page the page  @return matching events */
    Page<AuditEvent> query(AuditFilter filter, PageRequest page);

    /** @param filter the filter  @return how many events match */
    long count(AuditFilter filter);

    /** @param filter the filter  @return counts by action, resource type and day */
    AuditStats stats(AuditFilter filter);

    /**
     * Streams matching events oldest first without holding them all in memory.
     *
     * @param filter the filter
     * @param sink   receives each event
     */
    void forEach(AuditFilter filter, Consumer<AuditEvent> sink);

    /**
     * Streams matching events as CSV (header line first).
     *
     * @param filter the filter
     * @param out    where to write
     */
    default void exportCsv(AuditFilter filter, Appendable out) {
        try {
            out.append(AuditEvent.CSV_HEADER).append('\n');
            forEach(filter, e -> {
                try {
                    out.append(e.toCsvRow()).append('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing audit CSV failed", e);
        }
    }

    /**
     * Streams matching events as a JSON array, one object per line.
     *
     * @param filter the filter
     * @param out    where to write
     */
    default void exportJson(AuditFilter filter, Appendable out) {
        try {
            out.append('[');
            boolean[] first = {true};
            forEach(filter, e -> {
                try {
                    out.append(first[0] ? "\n" : ",\n").append(e.toJson());
                    first[0] = false;
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            out.append("\n]\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing audit JSON failed", e);
        }
    }
}
