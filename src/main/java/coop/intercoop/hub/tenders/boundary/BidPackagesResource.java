package coop.intercoop.hub.tenders.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.BidPackages;

/**
 * A consortium's bid package, built on the job runner for a member that asks: one zip of the checklist, each member's
 * ESPD (checked against the model's schema and rules), the commitment to form the temporary union, the pricing workbook
 * and the documents. Downloaded by the organisation that asked while it is a member.
 */
@Path("orgs/{org}/consortia/{consortium}/bid/packages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class BidPackagesResource {

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    BidPackages packages;

    /** {@code {"representative":"María López García (NIF 12345678Z)"}}: the union's representative (art. 69.3). */
    public static class Ask {
        public String representative;
    }

    /** A package: its job's status, its size and SHA-256 once built, and its outcome in the asker's language. */
    public record PackageJson(long id, String status, long consortiumId, String representative, Long size,
            String sha256, String outcome) {
        static PackageJson of(BidPackages.Package p) {
            return new PackageJson(p.id(), p.status().toLowerCase(java.util.Locale.ROOT), p.consortiumId(),
                    p.representative(), p.size().orElse(null), p.sha256().orElse(null), p.outcome().orElse(null));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build the bid package on the job runner, naming the union's representative (members' "
            + "org-admins and tender-managers); 202 with the package to follow")
    @ManagesTenders
    public Response ask(@PathParam("consortium") long consortium, @NotNull Ask input, @Context HttpHeaders headers) {
        long id = packages.start(tenant.id(), consortium, input.representative, Problems.language(headers),
                caller.user().getId());
        return Response.accepted(PackageJson.of(packages.find(tenant.id(), consortium, id))).build();
    }

    @GET
    @Path("{package}")
    @Operation(summary = "A package the organisation asked for: queued, running, succeeded or failed, and why "
            + "(members' org-admins, tender-managers and auditors)")
    @ReadsTenders
    public PackageJson one(@PathParam("consortium") long consortium, @PathParam("package") long id) {
        return PackageJson.of(packages.find(tenant.id(), consortium, id));
    }

    @GET
    @Path("{package}/zip")
    @Produces("application/zip")
    @Operation(summary = "The built package's zip (members' org-admins, tender-managers and auditors)")
    @ReadsTenders
    public Response zip(@PathParam("consortium") long consortium, @PathParam("package") long id) {
        packages.built(tenant.id(), consortium, id);
        long org = tenant.id();
        StreamingOutput body = out -> packages.stream(org, id, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"oferta-" + consortium + "-" + id + ".zip\"")
                .build();
    }
}
