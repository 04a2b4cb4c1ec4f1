package coop.intercoop.hub.tenders.boundary;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.faces.FileDownload;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.BidDocuments;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * The documents of a consortium's bid, for its members only: any member uploads one into an envelope, lists and reads
 * them; a member deletes its own. They go into the bid package as uploaded.
 */
@Path("orgs/{org}/consortia/{consortium}/bid/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class BidDocumentsResource {

    @Inject
    Tenant tenant;

    @Inject
    BidDocuments documents;

    public record DocumentJson(long id, BidItem.Envelope envelope, String fileName, String contentType, long size,
            String sha256, long organisationId, Instant uploadedAt) {
        static DocumentJson of(BidDocuments.Document d) {
            return new DocumentJson(d.id(), d.envelope(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                    d.orgId(), d.uploadedAt());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a document into an envelope of the bid (envelope=ADMINISTRATIVE, TECHNICAL or "
            + "ECONOMIC; the file as the body, its name in X-File-Name, its type in Content-Type), at most the hub's "
            + "most (hub.tenders.document.max-bytes); kept with its SHA-256 (members' org-admins and tender-managers)")
    @ManagesTenders
    public Response upload(@PathParam("consortium") long consortium, @QueryParam("envelope") String envelope,
            @HeaderParam("X-File-Name") String fileName, @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        BidDocuments.Document kept = documents.upload(tenant.id(), consortium, envelope(envelope), fileName,
                contentType, body);
        return Response.status(Response.Status.CREATED).entity(DocumentJson.of(kept)).build();
    }

    private static BidItem.Envelope envelope(String envelope) {
        return Arrays.stream(BidItem.Envelope.values()).filter(e -> e.name().equals(envelope)).findFirst()
                .orElseThrow(() -> new InvalidTenderInputException("envelope", "document.envelope"));
    }

    @GET
    @Operation(summary = "The bid's documents, by envelope and name (members' org-admins, tender-managers and "
            + "auditors)")
    @ReadsTenders
    public List<DocumentJson> list(@PathParam("consortium") long consortium) {
        return documents.list(tenant.id(), consortium).stream().map(DocumentJson::of).toList();
    }

    @GET
    @Path("{document}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A document as uploaded (members' org-admins, tender-managers and auditors)")
    @ReadsTenders
    public Response content(@PathParam("consortium") long consortium, @PathParam("document") long document) {
        BidDocuments.Document d = documents.find(tenant.id(), consortium, document);
        return Response.ok(documents.content(tenant.id(), consortium, document), d.contentType())
                .header("Content-Disposition", FileDownload.attachment(d.fileName())).build();
    }

    @DELETE
    @Path("{document}")
    @Operation(summary = "Delete a document the organisation uploaded (its org-admins and tender-managers)")
    @ManagesTenders
    public Response delete(@PathParam("consortium") long consortium, @PathParam("document") long document) {
        documents.delete(tenant.id(), consortium, document);
        return Response.noContent().build();
    }
}
