package coop.intercoop.hub.tenancy.boundary;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Consortium;

/**
 * The consortia the organisation belongs to: every member of the organisation reads them; its org-admins and
 * tender-managers create one with the organisation as lead and, as lead, invite organisations by tax id. A consortium
 * the organisation has not accepted answers 404.
 */
@Path("orgs/{org}/consortia")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia")
@Transactional
public class ConsortiaResource {

    @Inject
    Tenant tenant;

    @Inject
    Consortia consortia;

    @Inject
    Organisations organisations;

    @GET
    @Operation(summary = "The consortia the organisation is an accepted member of, the ones it leads included")
    @AnyMember
    public List<ConsortiumJson> all() {
        return consortia.of(tenant.id()).stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One consortium with its members, shares and whether it is formed")
    @AnyMember
    public ConsortiumJson one(@PathParam("id") long id) {
        return json(consortia.find(tenant.id(), id));
    }

    @POST
    @Operation(summary = "Create a consortium led by the organisation, with its own share in percent (org-admin, "
            + "tender-manager)")
    @Bids
    public Response create(@NotNull ConsortiumJson.Creation input) {
        Consortium created = consortia.create(tenant.id(), input.name, input.share);
        return Response.created(URI.create("orgs/" + tenant.id() + "/consortia/" + created.getId()))
                .entity(json(created)).build();
    }

    @POST
    @Path("{id}/invitations")
    @Operation(summary = "Invite the organisation with a tax id, with its share in percent (the lead's org-admin or "
            + "tender-manager); the shares of members and invited organisations may total at most 100")
    @Bids
    public Response invite(@PathParam("id") long id, @NotNull ConsortiumJson.Invite input) {
        var invited = consortia.invite(tenant.id(), id, input.taxId, input.share);
        return Response.created(URI.create("orgs/" + tenant.id() + "/consortia/" + id))
                .entity(json(invited.getConsortium())).build();
    }

    @DELETE
    @Path("{id}/membership")
    @Operation(summary = "The organisation leaves the consortium (an org-admin or tender-manager of a member other than "
            + "the lead): from then on it sees nothing of it, its bid included")
    @Bids
    public Response leave(@PathParam("id") long id) {
        consortia.leave(tenant.id(), id);
        return Response.noContent().build();
    }

    private ConsortiumJson json(Consortium consortium) {
        return ConsortiumJson.of(consortium, organisations::find);
    }
}
