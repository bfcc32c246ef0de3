package dev.orion.store.jdbc;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.AuditStats;
import dev.orion.store.AuditStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.AuditStatsBuilder;
import dev.orion.store.internal.Checks;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

final class JdbcAuditStore implements AuditStore {

    static final String SELECT = "SELECT " + JdbcAudit.COLUMNS + " FROM audit_events";
    private final View v;

    JdbcAuditStore(View v) {
        this.v = v;
    }

    @Override
    public AuditEvent record(String action, String resourceType, String resourceId, Map<String, String> details) {
        Map<String, String> d = Checks.auditRecord(action, resourceType, resourceId, details);
        return v.tx("record audit event", c -> v.audit(c, v.now(), action, resourceType, resourceId, d));
    }

    private Where where(AuditFilter f) {
        return JdbcAudit.where(Where.tenant("tenant_id", v.t()), f);
    }

    @Override
    public Page<AuditEvent> query(AuditFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("query audit", c -> Queries.page(c, SELECT, where(filter), "seq", page, JdbcAudit::map));
    }

    @Override
    public long count(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("count audit", c -> Queries.count(c, "audit_events", where(filter)));
    }

    @Override
    public AuditStats stats(AuditFilter filter) {
        AuditStatsBuilder b = new AuditStatsBuilder();
        forEach(filter, b::add);
        return b.build();
    }

    @Override
    public void forEach(AuditFilter filter, Consumer<AuditEvent> sink) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        Where w = where(filter);
        v.tx("export audit", c -> {
            Queries.stream(c, SELECT, w, "seq", JdbcAudit::map, sink);
            return null;
        });
    }
}
