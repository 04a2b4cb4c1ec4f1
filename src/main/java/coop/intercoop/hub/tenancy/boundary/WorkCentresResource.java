package coop.intercoop.hub.tenancy.boundary;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/** The work centres of an organisation: every member reads them, its org-admins keep them. */
@Path("orgs/{org}/work-centres")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Work centres")
@Tenanted
public class WorkCentresResource {

    @Inject
    Tenant tenant;

    @Inject
    WorkCentres workCentres;

    public record WorkCentreJson(long id, String name, String address, String postalCode, String municipality,
            String ccc, int version) {
        static WorkCentreJson of(WorkCentre w) {
            return new WorkCentreJson(w.getId(), w.getName(), w.getAddress(), w.getPostalCode(), w.getMunicipality(),
                    w.getCcc(), w.getVersion());
        }
    }

    @GET
    @Operation(summary = "The organisation's work centres")
    @AnyMember
    public List<WorkCentreJson> all() {
        return workCentres.all().stream().map(WorkCentreJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One work centre")
    @AnyMember
    public WorkCentreJson one(@PathParam("id") long id) {
        return WorkCentreJson.of(workCentres.find(id));
    }

    @POST
    @Operation(summary = "Add a work centre (org-admin)")
    @AdministersOrganisation
    public Response create(@NotNull @Valid WorkCentreForm input) {
        WorkCentre created = workCentres.create(input.getName(), input.getAddress(), input.getPostalCode(),
                input.getMunicipality(), input.getCcc());
        return Response.created(URI.create("orgs/" + tenant.id() + "/work-centres/" + created.getId()))
                .entity(WorkCentreJson.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a work centre (org-admin); 'version' must be the one read")
    @AdministersOrganisation
    public WorkCentreJson change(@PathParam("id") long id, @NotNull @Valid WorkCentreForm input) {
        if (input.getVersion() == null) {
            throw new VersionRequiredException();
        }
        return WorkCentreJson.of(workCentres.change(id, input.getVersion(), input.getName(), input.getAddress(),
                input.getPostalCode(), input.getMunicipality(), input.getCcc()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a work centre no member works at (org-admin)")
    @AdministersOrganisation
    public Response delete(@PathParam("id") long id) {
        workCentres.delete(id);
        return Response.noContent().build();
    }
}
