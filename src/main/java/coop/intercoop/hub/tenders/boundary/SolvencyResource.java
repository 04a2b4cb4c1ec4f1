package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import coop.intercoop.hub.tenders.control.ServiceRecords;
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
     * {@code {"turnover":[2023,2024,2025],"staff":[2025],"cost":[2025],"services":[2024,2025]}}: the years the
     * consortium may read (cost: the employer's cost of the year's payroll, for the bid's pricing; services: the
     * services performed in the year); empty withdraws.
     */
    public static class ConsentInput {
        public List<Integer> turnover;
        public List<Integer> staff;
        public List<Integer> cost;
        public List<Integer> services;
    }

    public record ConsentJson(List<Integer> turnover, List<Integer> staff, List<Integer> cost, List<Integer> services) {
        static ConsentJson of(Solvency.Consent c) {
            return new ConsentJson(List.copyOf(c.turnover()), List.copyOf(c.staff()), List.copyOf(c.cost()),
                    List.copyOf(c.services()));
        }
    }

    /** A service a member performed, and whether it is of a nature similar to the bid's contract. */
    public record ServiceJson(long id, String title, String recipient, boolean recipientPublic, List<String> cpvs,
            BigDecimal amount, LocalDate started, LocalDate ended, String certificate, boolean similar) {
        static ServiceJson of(Solvency.Service s) {
            ServiceRecords.Performed p = s.performed();
            return new ServiceJson(p.id(), p.title(), p.recipient(), p.recipientPublic(), p.cpvs(), p.amount(),
                    p.started(), p.ended().orElse(null), p.certificate().orElse(null), s.similar());
        }
    }

    /** A year's amount of similar services. */
    public record ServiceYearJson(int year, BigDecimal amount) {
        static ServiceYearJson of(Solvency.ServiceYear y) {
            return new ServiceYearJson(y.year(), y.amount());
        }
    }

    /**
     * The solvency the tender asks for where its clauses set none (Ley 9/2017 arts. 87.3.a and 90.2), from its value
     * and duration; {@code missing} names what the tender does not publish for it ({@code value}, {@code duration}).
     */
    public record RequirementsJson(List<String> cpvs, LocalDate servicesFrom, LocalDate servicesTo, BigDecimal value,
            BigDecimal years, BigDecimal yearlyValue, BigDecimal turnover, Boolean turnoverMet, BigDecimal services,
            Boolean servicesMet, String missing) {
        static RequirementsJson of(Solvency.Against a) {
            var r = a.requirements();
            return new RequirementsJson(a.cpvs(), a.servicesFrom(), a.servicesTo(), r.value().orElse(null),
                    r.years().orElse(null), r.yearlyValue().orElse(null), r.turnover().orElse(null),
                    a.turnoverMet().orElse(null), r.services().orElse(null), a.servicesMet().orElse(null),
                    r.missing().orElse(null));
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
            TurnoverJson bestTurnover, List<StaffJson> staff, List<ServiceJson> services,
            List<ServiceYearJson> servicesByYear, ServiceYearJson bestServices) {
    }

    /**
     * The members' figures, the sum of their best turnovers, each year's staff summed, the sum of their best years of
     * similar services, and, once the bid aims at a tender, the default requirements against them.
     */
    public record SolvencyJson(List<MemberJson> members, BigDecimal turnover, List<StaffJson> staff,
            BigDecimal services, RequirementsJson requirements) {
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
                                m.staff().stream().map(StaffJson::of).toList(),
                                m.services().stream().map(ServiceJson::of).toList(),
                                m.servicesByYear().stream().map(ServiceYearJson::of).toList(),
                                m.bestServices().map(ServiceYearJson::of).orElse(null)))
                        .toList(),
                report.turnover(), report.staff().stream().map(StaffJson::of).toList(), report.services(),
                report.against().map(RequirementsJson::of).orElse(null));
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
        return ConsentJson.of(solvency.consent(tenant.id(), consortium,
                input.turnover == null ? List.of() : input.turnover, input.staff == null ? List.of() : input.staff,
                input.cost == null ? List.of() : input.cost, input.services == null ? List.of() : input.services));
    }
}
