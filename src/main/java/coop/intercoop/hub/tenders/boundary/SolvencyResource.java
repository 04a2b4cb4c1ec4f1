package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.Workforce;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.Solvency;

/**
 * A consortium's solvency from its members' own books and payroll, as each member consents: the member's consent (years
 * of turnover and of staff it lets the consortium read), and the figures with each member's contribution. For the
 * consortium's accepted members only.
 */
@Path("orgs/{org}/consortia/{consortium}/solvency")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class SolvencyResource {

    @Inject
    Tenant tenant;

    @Inject
    Solvency solvency;

    @Inject
    Organisations organisations;

    /**
     * {@code {"turnover":[2023,2024,2025],"staff":[2025],"cost":[2025]}}: the years the consortium may read (cost: the
     * employer's cost of the year's payroll, for the bid's pricing); empty withdraws.
     */
    public static class ConsentInput {
        public List<Integer> turnover;
        public List<Integer> staff;
        public List<Integer> cost;
    }

    public record ConsentJson(List<Integer> turnover, List<Integer> staff, List<Integer> cost) {
        static ConsentJson of(Solvency.Consent c) {
            return new ConsentJson(List.copyOf(c.turnover()), List.copyOf(c.staff()), List.copyOf(c.cost()));
        }
    }

    public record TurnoverJson(int year, BigDecimal amount) {
    }

    /** A year's average staff, the part with a disability, in an itinerary, either, and that part's share in %. */
    public record StaffJson(int year, BigDecimal average, BigDecimal withDisability, BigDecimal inIntegration,
            BigDecimal protectedStaff, BigDecimal protectedShare) {
        static StaffJson of(Workforce.Staff s) {
            return new StaffJson(s.year(), s.average(), s.withDisability(), s.inIntegration(), s.either(),
                    s.protectedShare());
        }
    }

    public record MemberJson(long organisationId, String name, ConsentJson consent, List<TurnoverJson> turnover,
            TurnoverJson bestTurnover, List<StaffJson> staff) {
    }

    /** The members' figures, the sum of their best turnovers, and each year's staff summed. */
    public record SolvencyJson(List<MemberJson> members, BigDecimal turnover, List<StaffJson> staff) {
    }

    @GET
    @Operation(summary = "The consortium's solvency from its members' books and payroll, as each consented: each "
            + "member's turnover of the consented closed years (of its last three) and the best of them, its average "
            + "staff of the consented years with the part with a disability or in a work-integration itinerary; the "
            + "sum of the best turnovers and each year's staff summed. Each member's read is recorded in its audit log "
            + "(members' org-admins, tender-managers and auditors)")
    @ReadsTenders
    public SolvencyJson report(@PathParam("consortium") long consortium) {
        Solvency.Report report = solvency.report(tenant.id(), consortium);
        return new SolvencyJson(
                report.members().stream()
                        .map(m -> new MemberJson(m.orgId(), organisations.find(m.orgId()).getName(),
                                ConsentJson.of(m.consent()),
                                m.turnover().stream().map(t -> new TurnoverJson(t.year(), t.amount())).toList(),
                                m.best().map(t -> new TurnoverJson(t.year(), t.amount())).orElse(null),
                                m.staff().stream().map(StaffJson::of).toList()))
                        .toList(),
                report.turnover(), report.staff().stream().map(StaffJson::of).toList());
    }

    @GET
    @Path("consent")
    @Operation(summary = "The organisation's own consent to the consortium (members' org-admins, tender-managers and "
            + "auditors)")
    @ReadsTenders
    public ConsentJson consent(@PathParam("consortium") long consortium) {
        return ConsentJson.of(solvency.consentOf(tenant.id(), consortium));
    }

    @PUT
    @Path("consent")
    @Operation(summary = "Consent to the consortium reading the organisation's turnover and average staff of these "
            + "years, replacing the consent given; years left out are withdrawn at once (org-admin, tender-manager)")
    @ManagesTenders
    public ConsentJson give(@PathParam("consortium") long consortium, @NotNull ConsentInput input) {
        return ConsentJson
                .of(solvency.consent(tenant.id(), consortium, input.turnover == null ? List.of() : input.turnover,
                        input.staff == null ? List.of() : input.staff, input.cost == null ? List.of() : input.cost));
    }
}
