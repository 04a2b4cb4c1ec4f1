package coop.intercoop.hub.tenancy.boundary;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.security.control.HubAdministration;

/**
 * The register of organisations, kept by the hub administrator, who also grants the first memberships of a new
 * organisation. It holds names and tax ids only: an organisation's business data is reached under {@code /orgs/{org}},
 * by its members.
 */
@Path("organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@HubAdministration
public class OrganisationsResource {

    @Inject
    Caller caller;

    @Inject
    Organisations organisations;

    @Inject
    Memberships memberships;

    @Inject
    Users users;

    public static class OrganisationChange {
        @NotBlank
        @Size(max = 200)
        public String name;
        @NotNull
        public OrganisationType type;

        public String name() {
            return name;
        }

        public OrganisationType type() {
            return type;
        }
    }

    @GET
    @Operation(summary = "All organisations (hub administrator)")
    public List<OrganisationJson> all() {
        return organisations.all().stream().map(OrganisationJson::of).toList();
    }

    @POST
    @Operation(summary = "Register an organisation (hub administrator)")
    public Response register(@NotNull @Valid OrganisationForm input) {
        var created = organisations.register(input.getTaxId(), input.getName(), input.getType());
        return Response.created(URI.create("organisations/" + created.getId())).entity(OrganisationJson.of(created))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One organisation of the register (hub administrator)")
    public OrganisationJson one(@PathParam("id") long id) {
        return OrganisationJson.of(organisations.find(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename an organisation or change its type (hub administrator)")
    public OrganisationJson change(@PathParam("id") long id, @NotNull @Valid OrganisationChange change) {
        return OrganisationJson.of(organisations.change(id, change.name(), change.type()));
    }

    @GET
    @Path("{id}/memberships")
    @Operation(summary = "Members of an organisation (hub administrator)")
    public List<MembershipJson> members(@PathParam("id") long id) {
        organisations.find(id);
        return memberships.in(id).stream().map(m -> MembershipJson.of(m, users.find(m.getUserId()))).toList();
    }

    @POST
    @Path("{id}/memberships")
    @Operation(summary = "Grant a membership, e.g. the first org-admin (hub administrator)")
    public Response grant(@PathParam("id") long id, @NotNull @Valid MembershipJson.Grant grant) {
        organisations.find(id);
        var membership = memberships.grant(id, grant.username(), grant.roleSet(), grant.workCentreId());
        return Response.created(URI.create("organisations/" + id + "/memberships/" + membership.getId()))
                .entity(MembershipJson.of(membership, users.find(membership.getUserId()))).build();
    }

    @DELETE
    @Path("{id}/memberships/{membership}")
    @Operation(summary = "Revoke a membership (hub administrator)")
    public Response revoke(@PathParam("id") long id, @PathParam("membership") long membership) {
        memberships.revoke(id, membership);
        return Response.noContent().build();
    }
}
