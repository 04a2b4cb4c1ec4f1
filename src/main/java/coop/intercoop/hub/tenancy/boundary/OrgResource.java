package coop.intercoop.hub.tenancy.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/** The organisation named in the path, as its member sees it. */
@Path("orgs/{org}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@Transactional
public class OrgResource {

    @Inject
    Tenant tenant;

    @Inject
    Organisations organisations;

    public record OrgJson(OrganisationJson organisation, List<String> roles) {
    }

    @GET
    @Operation(summary = "The organisation and the caller's roles in it")
    @AnyMember
    public OrgJson get() {
        return new OrgJson(OrganisationJson.of(organisations.find(tenant.id())),
                tenant.roles().stream().map(Role::code).sorted().toList());
    }
}
