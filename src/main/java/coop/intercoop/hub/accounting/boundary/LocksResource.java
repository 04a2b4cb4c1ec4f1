package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.control.Locks;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The organisation's lock dates. The hard lock only moves forward; nothing dated on or before it may be posted. The
 * soft lock moves freely; posting on or before it needs an accountant's audited override.
 */
@Path("orgs/{org}/accounting/locks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class LocksResource {

    @Inject
    Tenant tenant;

    @Inject
    Locks locks;

    public static class LocksInput {
        /** Null clears the soft lock. */
        public LocalDate softLock;
        /** Null only while no hard lock was ever set. */
        public LocalDate hardLock;
        public Integer version;
    }

    public record LocksJson(LocalDate softLock, LocalDate hardLock, int version) {
        static LocksJson of(LockDates l) {
            return new LocksJson(l.getSoftLock(), l.getHardLock(), l.getVersion());
        }
    }

    @GET
    @Operation(summary = "The lock dates (org-admin, accountant, auditor)")
    @ReadsBooks
    public LocksJson get() {
        return LocksJson.of(locks.current());
    }

    @PUT
    @Operation(summary = "Set both lock dates (org-admin, accountant); the hard lock only moves forward; 'version' "
            + "must be the one read")
    @KeepsBooks
    public LocksJson change(@NotNull @Valid LocksInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return LocksJson.of(locks.change(input.version, input.softLock, input.hardLock));
    }
}
