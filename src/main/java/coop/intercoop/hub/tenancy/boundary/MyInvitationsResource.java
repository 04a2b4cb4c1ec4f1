package coop.intercoop.hub.tenancy.boundary;

import java.net.URI;
import java.time.Instant;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.MembershipInvitation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The caller's invitations to become a member of an organisation: only the invited user sees and answers them; anyone
 * else's invitation answers 404.
 */
@Path("me/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@Transactional
public class MyInvitationsResource {

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Organisations organisations;

    @Inject
    Users users;

    public record InvitationJson(long id, long orgId, String taxId, String organisation, List<String> roles,
            String invitedBy, Instant invitedAt) {
    }

    @GET
    @Operation(summary = "The caller's invitations waiting for an answer")
    public List<InvitationJson> all() {
        return memberships.invitationsOf(caller.user()).stream().map(this::json).toList();
    }

    @POST
    @Path("{id}/acceptance")
    @Operation(summary = "Accept an invitation: the membership starts with the roles offered")
    public Response accept(@PathParam("id") long id) {
        var membership = memberships.accept(caller.user(), id);
        return Response.created(URI.create("orgs/" + membership.getOrgId() + "/memberships/" + membership.getId()))
                .entity(MembershipJson.of(membership, caller.user())).build();
    }

    @POST
    @Path("{id}/refusal")
    @Operation(summary = "Decline an invitation")
    public Response decline(@PathParam("id") long id) {
        memberships.decline(caller.user(), id);
        return Response.noContent().build();
    }

    private InvitationJson json(MembershipInvitation invitation) {
        var org = organisations.find(invitation.getOrgId());
        return new InvitationJson(invitation.getId(), org.getId(), org.getTaxId(), org.getName(),
                invitation.getRoles().stream().map(Role::code).sorted().toList(),
                users.find(invitation.getInvitedBy()).getFullName(), invitation.getInvitedAt());
    }
}
