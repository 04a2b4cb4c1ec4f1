package coop.intercoop.hub.payroll.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.EmployeeUsers;
import coop.intercoop.hub.tenancy.boundary.AdministersOrganisation;

/**
 * The user linked to an employee, who then reads that employee's own payslips ({@code …/payroll/my/payslips}). The
 * organisation's administrators decide: org-admin only.
 */
@Path("orgs/{org}/payroll/employees/{id}/user")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@AdministersOrganisation
public class EmployeeUserResource {

    @Inject
    EmployeeUsers links;

    /** The employee and the username of the member linked to them ({@code null}: nobody). */
    public record LinkJson(long employeeId, String username) {
    }

    /** The member to link: their username. */
    public static class LinkInput {
        public String username;
    }

    @GET
    @Operation(summary = "The user linked to an employee, if any (org-admin)")
    public LinkJson one(@PathParam("id") long id) {
        return new LinkJson(id, links.userOf(id).orElse(null));
    }

    @PUT
    @Operation(summary = "Link a member of the organisation to an employee, replacing the employee's link (org-admin): "
            + "that user then reads the employee's own payslips; one employee per user")
    public LinkJson link(@PathParam("id") long id, @NotNull LinkInput input) {
        return new LinkJson(id, links.link(id, input.username));
    }

    @DELETE
    @Operation(summary = "Unlink the employee's user (org-admin): their access to the payslips ends at once")
    public Response unlink(@PathParam("id") long id) {
        links.unlink(id);
        return Response.noContent().build();
    }
}
