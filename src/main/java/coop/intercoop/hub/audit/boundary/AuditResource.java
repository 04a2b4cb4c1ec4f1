package coop.intercoop.hub.audit.boundary;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.audit.entity.AuditEvent;
import coop.intercoop.hub.tenancy.control.Tenant;

/** The organisation's audit log, newest first, for its org-admins and auditors. */
@Path("orgs/{org}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@Transactional
public class AuditResource {

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    public record EventJson(long id, Instant occurredAt, String actor, String action, String objectType,
            String objectId, String detail) {
        static EventJson of(AuditEvent e) {
            return new EventJson(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getObjectType(),
                    e.getObjectId(), e.getDetail());
        }
    }

    public record Page(long total, int first, List<EventJson> events) {
    }

    @GET
    @Operation(summary = "Audit events of the organisation (org-admin, auditor)")
    @ReadsAudit
    public Page events(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        int from = Math.max(0, first);
        return new Page(audit.count(tenant.id()), from,
                audit.of(tenant.id(), from, Math.min(Math.max(1, max), 500)).stream().map(EventJson::of).toList());
    }
}
