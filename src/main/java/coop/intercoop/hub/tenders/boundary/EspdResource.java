package coop.intercoop.hub.tenders.boundary;

import java.util.Optional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.EspdRequest;
import coop.intercoop.hub.tenders.control.Espds;

/**
 * A consortium's ESPDs (in Spain, DEUC), for its members only: the buyer's request, each member's own declaration, a
 * preview of what each member's response answers, and each member's response as an ESPD-EDM 4.1.0 document valid
 * against the model's schema and rules.
 */
@Path("orgs/{org}/consortia/{consortium}/espd")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class EspdResource {

    private static final String REFUSALS = "coop.intercoop.hub.tenders.refusals";

    @Inject
    Tenant tenant;

    @Inject
    Espds espds;

    @Inject
    Organisations organisations;

    public record CriterionJson(String code, String name, boolean exclusion, boolean selection) {
    }

    /** The request: its file, the model's version it is of, the procedure's file number, lots and criteria. */
    public record RequestJson(String fileName, Instant uploadedAt, String version, String folderId, List<String> lots,
            List<CriterionJson> criteria, List<String> unknownCriteria) {
    }

    /** A criterion a member's response leaves to complete, and why, in the reader's language. */
    public record MissingJson(String code, String name, String reason) {
    }

    /** A member: its declared size (none: not declared), the criteria its response answers and those it leaves. */
    public record MemberJson(long organisationId, String name, boolean lead, String declaredSize, List<String> answered,
            List<MissingJson> toComplete) {
    }

    /** A requirement of the request set against the consortium's figure (the sum of its members' best turnovers). */
    public record RequirementJson(String code, String name, java.math.BigDecimal minimum,
            java.math.BigDecimal consortium, boolean met) {
    }

    /** The request, each member, and the request's requirements set against the consortium's figures. */
    public record PreviewJson(RequestJson request, List<MemberJson> members, List<RequirementJson> requirements,
            List<String> lots) {
    }

    /** {@code {"size":"small"}}: the organisation's size, with its declaration. */
    public static class Declaration {
        public String size;
    }

    private static RequestJson json(Espds.Stored stored) {
        EspdRequest r = stored.request();
        return new RequestJson(
                stored.fileName(), stored.uploadedAt(), r.version(), r.folderId(), r.lots(), r.criteria().stream()
                        .map(c -> new CriterionJson(c.code(), c.name(), c.exclusion(), c.selection())).toList(),
                r.unknown());
    }

    @PUT
    @Path("request")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Upload the buyer's ESPD request (ESPD-EDM 2.1.1, 3.x or 4.x; the DEUC published with the "
            + "tender) the consortium's members answer, replacing the one before; a file that is not one is refused "
            + "naming why, nothing kept (members' org-admins and tender-managers)")
    @ManagesTenders
    public RequestJson upload(@PathParam("consortium") long consortium, InputStream body,
            @HeaderParam("X-File-Name") String fileName) {
        byte[] content;
        try {
            content = body.readNBytes(Espds.MAX_REQUEST_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json(espds.upload(tenant.id(), consortium, fileName, content));
    }

    @GET
    @Operation(summary = "The request and, for each member, whether it declared, the criteria its response answers "
            + "from the hub's data and those it leaves to complete, with why (members' org-admins, tender-managers "
            + "and auditors); each member's consented figures read are recorded in its audit log")
    @ReadsTenders
    public PreviewJson preview(@PathParam("consortium") long consortium, @Context HttpHeaders headers) {
        Locale language = Problems.language(headers);
        Espds.Stored stored = espds.request(tenant.id(), consortium);
        Espds.Preview preview = espds.preview(tenant.id(), consortium);
        List<MemberJson> members = preview
                .members().stream().map(
                        m -> new MemberJson(
                                m.orgId(), organisations.find(
                                        m.orgId()).getName(),
                                m.lead(), m.declaredSize().orElse(null), m.answered(),
                                m.toComplete().stream().map(x -> new MissingJson(x.code(), x.name(),
                                        HubTexts.format(REFUSALS, language, x.reason()))).toList()))
                .toList();
        return new PreviewJson(json(stored), members, preview.requirements().stream()
                .map(r -> new RequirementJson(r.code(), r.name(), r.minimum(), r.consortium(), r.met())).toList(),
                preview.lots());
    }

    @PUT
    @Path("declaration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare, for the organisation's own ESPD in this consortium, that no exclusion ground applies "
            + "to it, that it neither relies on other entities nor subcontracts, and its size (micro, small, medium, "
            + "large); recorded in its audit log (the member's org-admins and tender-managers)")
    @ManagesTenders
    public Response declare(@PathParam("consortium") long consortium, @NotNull Declaration input) {
        espds.declare(tenant.id(), consortium, input.size);
        return Response.noContent().build();
    }

    @DELETE
    @Path("declaration")
    @Operation(summary = "Withdraw the organisation's declaration: no ESPD is written for it until it declares again")
    @ManagesTenders
    public Response withdraw(@PathParam("consortium") long consortium) {
        espds.withdraw(tenant.id(), consortium);
        return Response.noContent().build();
    }

    @GET
    @Path("responses/{member}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "A member's ESPD response to the request (ESPD-EDM 4.1.0, UBL 2.3) for one lot ('lot', one "
            + "of the request's lots the bid aims at; the first when absent), checked against the model's schema and "
            + "business rules before it is given; refused until the member declares (members' org-admins, "
            + "tender-managers and auditors)")
    @ReadsTenders
    public Response response(@PathParam("consortium") long consortium, @PathParam("member") long member,
            @QueryParam("lot") String lot) {
        Espds.Response response = espds.response(tenant.id(), consortium, member, Optional.ofNullable(lot));
        return Response.ok(response.xml(), MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"" + response.fileName() + "\"").build();
    }
}
