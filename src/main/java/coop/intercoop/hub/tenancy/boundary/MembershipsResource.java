package coop.intercoop.hub.tenancy.boundary;

import java.net.URI;
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

import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/** Who belongs to the organisation: members read it, org-admins change it. */
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

    @GET
    @Operation(summary = "The organisation's members and their roles")
    public List<MembershipJson> all() {
        return memberships.in(tenant.id()).stream().map(m -> MembershipJson.of(m, users.find(m.getUserId()))).toList();
    }

    @POST
    @Operation(summary = "Make a user a member with roles (org-admin)")
    public Response grant(@Valid @NotNull MembershipJson.Grant grant) {
        tenant.require(Role.ORG_ADMIN);
        var membership = memberships.grant(tenant.id(), grant.username(), grant.roleSet(), grant.workCentreId());
        return Response.created(URI.create("orgs/" + tenant.id() + "/memberships/" + membership.getId()))
                .entity(MembershipJson.of(membership, users.find(membership.getUserId()))).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a member's roles or work centre (org-admin)")
    public MembershipJson change(@PathParam("id") long id, @Valid @NotNull MembershipJson.Change change) {
        tenant.require(Role.ORG_ADMIN);
        var membership = memberships.change(tenant.id(), id, change.version(), change.roleSet(), change.workCentreId());
        return MembershipJson.of(membership, users.find(membership.getUserId()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a membership (org-admin)")
    public Response revoke(@PathParam("id") long id) {
        tenant.require(Role.ORG_ADMIN);
        memberships.revoke(tenant.id(), id);
        return Response.noContent().build();
    }
}
