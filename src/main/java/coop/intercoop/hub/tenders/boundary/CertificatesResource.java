package coop.intercoop.hub.tenders.boundary;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.Certificates;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.Certificate;

/**
 * The organisation's certificates for its bids: kept by its org-admins and tender-managers, read by its auditors too;
 * shown to the members of the consortia it belongs to in their bids.
 */
@Path("orgs/{org}/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class CertificatesResource {

    @Inject
    Tenant tenant;

    @Inject
    Certificates certificates;

    /** A certificate to keep; {@code version} the version read, to change one. */
    public static class CertificateInput {
        public Certificate.Kind kind;
        public String title;
        public String issuer;
        public String reference;
        public LocalDate validFrom;
        public LocalDate validUntil;
        public Integer version;
    }

    public record CertificateJson(long id, Certificate.Kind kind, String title, String issuer, String reference,
            LocalDate validFrom, LocalDate validUntil, boolean validToday, int version) {
        static CertificateJson of(Certificate c) {
            return new CertificateJson(c.getId(), c.getKind(), c.getTitle(), c.getIssuer().orElse(null),
                    c.getReference().orElse(null), c.getValidFrom(), c.getValidUntil().orElse(null),
                    c.validOn(LocalDate.now(Watches.PENINSULAR)), c.getVersion());
        }
    }

    @GET
    @Operation(summary = "The organisation's certificates, by kind and newest first (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public List<CertificateJson> all() {
        return certificates.all().stream().map(CertificateJson::of).toList();
    }

    @POST
    @Operation(summary = "Keep a certificate: kind (TAX_AGENCY, SOCIAL_SECURITY, REGISTRY, INSURANCE, QUALITY, "
            + "ENVIRONMENTAL, OTHER), title, issuer, reference, validFrom and validUntil (org-admin, tender-manager)")
    @ManagesTenders
    public Response create(@NotNull CertificateInput input) {
        Certificate c = certificates.create(input.kind, input.title, input.issuer, input.reference, input.validFrom,
                input.validUntil);
        return Response.created(URI.create("orgs/" + tenant.id() + "/certificates/" + c.getId()))
                .entity(CertificateJson.of(c)).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One certificate (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public CertificateJson one(@PathParam("id") long id) {
        return CertificateJson.of(certificates.find(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Operation(summary = "Change a certificate, with the version read (org-admin, tender-manager)")
    @ManagesTenders
    public CertificateJson change(@PathParam("id") long id, @NotNull CertificateInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return CertificateJson.of(certificates.change(id, input.version, input.kind, input.title, input.issuer,
                input.reference, input.validFrom, input.validUntil));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Delete a certificate (org-admin, tender-manager)")
    @ManagesTenders
    public Response delete(@PathParam("id") long id) {
        certificates.delete(id);
        return Response.noContent().build();
    }
}
