package dev.orion.samples.spring;

import dev.orion.core.OrionTenant;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.tenant.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The tenant's audit log: query with filters and pages, export as CSV or JSON. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "the tenant's audit log (scope audit:read)")
class AuditController {

    /**
     * One audit event.
     *
     * @param id           its id
     * @param time         when
     * @param actor        who ({@code user:alice}, {@code api-key:...}, {@code system:...})
     * @param action       what ({@code structure.create}, {@code job.submit}, ...)
     * @param resourceType the resource's type
     * @param resourceId   the resource's id
     * @param details      further facts
     */
    record AuditView(String id, Instant time, String actor, String action, String resourceType, String resourceId,
                     Map<String, String> details) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.id(), e.time(), e.actor().toString(), e.action(), e.resourceType(), e.resourceId(), e.details());
        }
    }

    @GetMapping
    @Operation(summary = "Query the audit log, newest first; from/to are ISO-8601 instants")
    Paging.PageBody<AuditView> query(OrionTenant tenant, @RequestParam Optional<String> action,
                                     @RequestParam Optional<String> resourceType, @RequestParam Optional<String> resourceId,
                                     @RequestParam Optional<String> actor, @RequestParam Optional<String> from,
                                     @RequestParam Optional<String> to, @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam Optional<String> cursor) {
        AuditFilter filter = filter(action, resourceType, resourceId, actor, from, to);
        return Paging.body(tenant.audit().query(filter, Paging.request(limit, cursor)), AuditView::of);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the audit log (the same filters) as CSV or JSON")
    ResponseEntity<StreamingResponseBody> export(OrionTenant tenant, @RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam Optional<String> action,
                                                 @RequestParam Optional<String> resourceType,
                                                 @RequestParam Optional<String> resourceId, @RequestParam Optional<String> actor,
                                                 @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
        Exports.Format f = Exports.Format.of(format);
        AuditFilter filter = filter(action, resourceType, resourceId, actor, from, to);
        return Exports.download("audit-" + tenant.tenant().value(), f, w -> {
            if (f == Exports.Format.CSV) {
                tenant.audit().exportCsv(filter, w);
            } else {
                tenant.audit().exportJson(filter, w);
            }
        });
    }

    private static AuditFilter filter(Optional<String> action, Optional<String> resourceType, Optional<String> resourceId,
                                      Optional<String> actor, Optional<String> from, Optional<String> to) {
        AuditFilter filter = AuditFilter.all();
        if (action.isPresent() && !action.get().isBlank()) {
            filter = filter.withAction(action.get());
        }
        if (resourceId.isPresent() && !resourceId.get().isBlank()) {
            filter = filter.withResource(resourceType.orElseThrow(
                    () -> new IllegalArgumentException("resourceId needs resourceType")), resourceId.get());
        } else if (resourceType.isPresent() && !resourceType.get().isBlank()) {
            filter = filter.withResourceType(resourceType.get());
        }
        if (actor.isPresent() && !actor.get().isBlank()) {
            filter = filter.withActor(Principal.parse(actor.get()));
        }
        if (from.isPresent() || to.isPresent()) {
            filter = filter.between(from.map(v -> Paging.instant("from", v)).orElse(Instant.EPOCH),
                    to.map(v -> Paging.instant("to", v)).orElse(Instant.parse("9999-12-31T00:00:00Z")));
        }
        return filter;
    }
}
