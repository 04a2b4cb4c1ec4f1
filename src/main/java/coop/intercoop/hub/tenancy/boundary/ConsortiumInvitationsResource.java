package coop.intercoop.hub.tenancy.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The invitations to consortia addressed to the organisation: its members read them, its org-admins and tender-managers
 * accept or decline them. An invitation addressed to another organisation answers 404.
 */
@Path("orgs/{org}/consortium-invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia")
@Transactional
public class ConsortiumInvitationsResource {

    @Inject
    Tenant tenant;

    @Inject
    Consortia consortia;

    @Inject
    Organisations organisations;

    @GET
    @Operation(summary = "The invitations the organisation has not answered yet, the newest first")
    @AnyMember
    public List<ConsortiumJson.Invitation> pending() {
        return consortia.invitations(tenant.id()).stream()
                .map(m -> ConsortiumJson.Invitation.of(m, organisations::find)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One invitation addressed to the organisation, answered or not")
    @AnyMember
    public ConsortiumJson.Invitation one(@PathParam("id") long id) {
        return ConsortiumJson.Invitation.of(consortia.invitation(tenant.id(), id), organisations::find);
    }

    @POST
    @Path("{id}/acceptance")
    @Operation(summary = "Accept the invitation: the organisation becomes a member with the share offered (org-admin, "
            + "tender-manager)")
    @Bids
    public ConsortiumJson.Invitation accept(@PathParam("id") long id) {
        return ConsortiumJson.Invitation.of(consortia.accept(tenant.id(), id), organisations::find);
    }

    @POST
    @Path("{id}/refusal")
    @Operation(summary = "Decline the invitation; the lead may invite the organisation again (org-admin, "
            + "tender-manager)")
    @Bids
    public ConsortiumJson.Invitation decline(@PathParam("id") long id) {
        return ConsortiumJson.Invitation.of(consortia.decline(tenant.id(), id), organisations::find);
    }
}
