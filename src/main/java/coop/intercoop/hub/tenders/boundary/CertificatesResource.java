package coop.intercoop.hub.tenders.boundary;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.platform.faces.FileDownload;
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
        public String uri;
        public LocalDate validFrom;
        public LocalDate validUntil;
        public Integer version;

        Certificates.Input input() {
            return new Certificates.Input(kind, title, issuer, reference, uri, validFrom, validUntil);
        }
    }

    public record CertificateJson(long id, Certificate.Kind kind, String title, String issuer, String reference,
            String uri, LocalDate validFrom, LocalDate validUntil, boolean validToday, DocumentJson document,
            int version) {
        static CertificateJson of(Certificate c, Optional<Certificates.Document> document) {
            return new CertificateJson(c.getId(), c.getKind(), c.getTitle(), c.getIssuer().orElse(null),
                    c.getReference().orElse(null), c.getUri().orElse(null), c.getValidFrom(),
                    c.getValidUntil().orElse(null), c.validOn(LocalDate.now(Watches.PENINSULAR)),
                    document.map(DocumentJson::of).orElse(null), c.getVersion());
        }
    }

    /** A certificate's document: its name, type, size and SHA-256. */
    public record DocumentJson(String name, String contentType, long size, String sha256, Instant uploadedAt) {
        static DocumentJson of(Certificates.Document d) {
            return new DocumentJson(d.name(), d.contentType(), d.size(), d.sha256(), d.uploadedAt());
        }
    }

    private CertificateJson json(Certificate c) {
        return CertificateJson.of(c, certificates.document(c.getId()));
    }

    @GET
    @Operation(summary = "The organisation's certificates, by kind and newest first (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public List<CertificateJson> all() {
        return certificates.all().stream().map(this::json).toList();
    }

    @POST
    @Operation(summary = "Keep a certificate: kind (TAX_AGENCY, SOCIAL_SECURITY, REGISTRY, INSURANCE, QUALITY, "
            + "ENVIRONMENTAL, OTHER), title, issuer, reference, validFrom and validUntil (org-admin, tender-manager)")
    @ManagesTenders
    public Response create(@NotNull CertificateInput input) {
        Certificate c = certificates.create(input.input());
        return Response.created(URI.create("orgs/" + tenant.id() + "/certificates/" + c.getId()))
                .entity(CertificateJson.of(c, Optional.empty())).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One certificate (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public CertificateJson one(@PathParam("id") long id) {
        return json(certificates.find(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Operation(summary = "Change a certificate, with the version read (org-admin, tender-manager)")
    @ManagesTenders
    public CertificateJson change(@PathParam("id") long id, @NotNull CertificateInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return json(certificates.change(id, input.version, input.input()));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Delete a certificate (org-admin, tender-manager)")
    @ManagesTenders
    public Response delete(@PathParam("id") long id) {
        certificates.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id: [0-9]+}/document")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach the certificate's document, replacing the one it had: the file as the body, its name "
            + "in X-File-Name, its type in Content-Type, at most hub.tenders.certificate.max-bytes (org-admin, "
            + "tender-manager); the bid packages of the organisation's consortia carry it while it is valid")
    @ManagesTenders
    public DocumentJson attach(@PathParam("id") long id, InputStream body, @HeaderParam("X-File-Name") String fileName,
            @HeaderParam("Content-Type") String contentType) {
        return DocumentJson.of(certificates.attach(id, fileName, contentType, body));
    }

    @GET
    @Path("{id: [0-9]+}/document")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The certificate's document as attached (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public Response document(@PathParam("id") long id) {
        Certificates.Document d = certificates.document(id)
                .orElseThrow(() -> new NotFoundException("certificate-document", id));
        return Response.ok(certificates.content(id), d.contentType())
                .header("Content-Disposition", FileDownload.attachment(d.name())).build();
    }

    @DELETE
    @Path("{id: [0-9]+}/document")
    @Operation(summary = "Remove the certificate's document (org-admin, tender-manager)")
    @ManagesTenders
    public Response detach(@PathParam("id") long id) {
        certificates.detach(id);
        return Response.noContent().build();
    }
}
