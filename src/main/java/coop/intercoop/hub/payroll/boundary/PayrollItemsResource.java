package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.PayrollItems;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollItemData;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The month's items of the organisation's employees, which the month's regular run reads: part-time hours worked,
 * overtime, variable pay, unpaid absences, sick leave under delegated payment, advances. Pay is personal data: only
 * org-admins and accountants ({@link HandlesPersonnel}); reading a month's items is audited. A month whose regular run
 * is approved or posted takes no item and loses none (409 naming the run).
 */
@Path("orgs/{org}/payroll/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@HandlesPersonnel
public class PayrollItemsResource {

    @Inject
    Tenant tenant;

    @Inject
    PayrollItems items;

    /** An item as stored: the fields its kind takes, the others null. */
    public record ItemJson(long id, long employeeId, String month, String kind, String concept, BigDecimal hours,
            Integer days, BigDecimal amount, Boolean forceMajeure, Boolean salary, Boolean contributes, Boolean taxed,
            Integer exemptSubkey, LocalDate firstDay, LocalDate lastDay, BigDecimal previousBase, Integer previousDays,
            Boolean occupational, int version) {
        static ItemJson of(PayrollItem i) {
            boolean overtime = i.getKind() == PayrollItem.Kind.OVERTIME;
            boolean variable = i.getKind() == PayrollItem.Kind.VARIABLE;
            boolean leave = i.getKind() == PayrollItem.Kind.SICK_LEAVE;
            return new ItemJson(i.getId(), i.getEmployeeId(), i.getMonth().toString(), i.getKind().code(),
                    i.getConcept(), i.getHours(), i.getDays(), i.getAmount(), overtime ? i.isForceMajeure() : null,
                    variable ? i.isSalary() : null, variable ? i.isContributes() : null, variable ? i.isTaxed() : null,
                    i.getExemptSubkey().orElse(null), i.getFirstDay(), i.getLastDay(), i.getPreviousBase(),
                    i.getPreviousDays(), leave ? i.isOccupational() : null, i.getVersion());
        }
    }

    @GET
    @Operation(summary = "The items of a month (?month=2026-03) of every employee (org-admin, accountant); the read is "
            + "audited")
    public List<ItemJson> of(@QueryParam("month") String month) {
        return items.of(PayrollItem.month(month)).stream().map(ItemJson::of).toList();
    }

    @POST
    @Operation(summary = "Add an item to an employee's month (org-admin, accountant): kind hours-worked {hours}, "
            + "overtime {hours, amount, forceMajeure}, variable {concept, amount, salary, contributes, taxed, exemptSubkey: the key L subkey of modelo 190 when not taxed}, absence "
            + "{days}, sick-leave {firstDay, lastDay, previousBase, previousDays, occupational: a work accident or occupational disease}, advance {concept, amount} or leave-top-up {concept, amount: the employer's top-up of a sick leave's benefit, out of the bases}; 409 "
            + "once the month's regular run is approved")
    public Response create(@NotNull @Valid PayrollItemData input) {
        PayrollItem created = items.create(input);
        return Response.created(URI.create("orgs/" + tenant.id() + "/payroll/items/" + created.getId()))
                .entity(ItemJson.of(created)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an item (org-admin, accountant); 409 once its month's regular run is approved")
    public Response delete(@PathParam("id") long id) {
        items.delete(id);
        return Response.noContent().build();
    }
}
