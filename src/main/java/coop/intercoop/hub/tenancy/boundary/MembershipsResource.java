package coop.intercoop.hub.tenancy.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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

import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/** Who belongs to the organisation: members read it, org-admins invite users and change or end memberships. */
@Path("orgs/{org}/memberships")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
@Transactional
public class MembershipsResource {

    @Inject
    Tenant tenant;

    @Inject
    Memberships memberships;

    @Inject
    Users users;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The organisation's members and their roles")
    @AnyMember
    public List<MembershipJson> all() {
        return memberships.in(tenant.id()).stream().map(m -> MembershipJson.of(m, users.find(m.getUserId()))).toList();
    }

    /**
     * An org-admin invites a user by name; the membership starts when the user accepts. The answer is the same whether
     * the name is a user of the hub or not, so it tells nothing about people outside the organisation.
     */
    @POST
    @Operation(summary = "Invite a user to become a member with roles (org-admin); they accept in their account")
    @AdministersOrganisation
    public Response invite(@Valid @NotNull MembershipJson.Grant grant) {
        String username = grant.username().strip();
        memberships.invite(tenant.id(), username, grant.roleSet(), grant.workCentreId(), caller.user());
        return Response.accepted(
                new MembershipJson.Invited(username, grant.roleSet().stream().map(Role::code).sorted().toList(),
                        "If " + username
                                + " is a user of the hub and not yet a member, they are invited; the membership"
                                + " starts when they accept it."))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a member's roles or work centre (org-admin)")
    @AdministersOrganisation
    public MembershipJson change(@PathParam("id") long id, @Valid @NotNull MembershipJson.Change change) {
        var membership = memberships.change(tenant.id(), id, change.version(), change.roleSet(), change.workCentreId());
        return MembershipJson.of(membership, users.find(membership.getUserId()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a membership (org-admin)")
    @AdministersOrganisation
    public Response revoke(@PathParam("id") long id) {
        memberships.revoke(tenant.id(), id);
        return Response.noContent().build();
    }
}
