package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.entity.Grant;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/** The organisation's projects and grants, the analytic values entry lines are split across. */
@Path("orgs/{org}/accounting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class AnalyticsResource {

    @Inject
    Tenant tenant;

    @Inject
    Analytics analytics;

    public static class ProjectInput {
        public String code;
        public String name;
    }

    @GET
    @Path("projects")
    @Operation(summary = "The projects (org-admin, accountant, auditor)")
    @ReadsBooks
    public List<Analytics.Project> projects() {
        return analytics.projects();
    }

    @POST
    @Path("projects")
    @Operation(summary = "Create a project (org-admin, accountant); codes are unique in the organisation")
    @KeepsBooks
    public Response createProject(@NotNull ProjectInput input) {
        Analytics.Project project = analytics.createProject(input.code, input.name);
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/projects")).entity(project).build();
    }

    @PUT
    @Path("projects/{code}")
    @Operation(summary = "Rename a project (org-admin, accountant); its code stays")
    @KeepsBooks
    public Analytics.Project renameProject(@PathParam("code") String code, @NotNull ProjectInput input) {
        if (input.code != null && !input.code.strip().equalsIgnoreCase(code.strip())) {
            throw new InvalidEntryException("code", "analytic.code.kept", Dimension.PROJECT.term(), input.code.strip(),
                    code.strip());
        }
        return analytics.renameProject(code, input.name);
    }

    @DELETE
    @Path("projects/{code}")
    @Operation(summary = "Delete a project nothing refers to (org-admin, accountant); 409 naming what uses it")
    @KeepsBooks
    public Response deleteProject(@PathParam("code") String code) {
        analytics.deleteProject(code);
        return Response.noContent().build();
    }

    @GET
    @Path("grants")
    @Operation(summary = "The grants with their budgets (org-admin, accountant, auditor)")
    @ReadsBooks
    public List<Analytics.GrantView> grants() {
        return analytics.grants();
    }

    @GET
    @Path("grants/{code}")
    @Operation(summary = "One grant with its budget (org-admin, accountant, auditor)")
    @ReadsBooks
    public Analytics.GrantView grant(@PathParam("code") String code) {
        return analytics.grant(code);
    }

    @POST
    @Path("grants")
    @Operation(summary = "Record a grant: funder, awarded amount, eligibility period, budget per expense account "
            + "group (org-admin, accountant)")
    @KeepsBooks
    public Response createGrant(@NotNull Grant input) {
        Analytics.GrantView grant = analytics.createGrant(input);
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/grants/" + grant.code())).entity(grant)
                .build();
    }

    @PUT
    @Path("grants/{code}")
    @Operation(summary = "Change a grant: name, funder, amount, eligibility and budget lines, which it replaces "
            + "(org-admin, accountant); its code stays")
    @KeepsBooks
    public Analytics.GrantView changeGrant(@PathParam("code") String code, @NotNull Grant input) {
        return analytics.changeGrant(code, input);
    }

    @DELETE
    @Path("grants/{code}")
    @Operation(summary = "Delete a grant nothing refers to, with its budget (org-admin, accountant); 409 naming "
            + "what uses it")
    @KeepsBooks
    public Response deleteGrant(@PathParam("code") String code) {
        analytics.deleteGrant(code);
        return Response.noContent().build();
    }
}
