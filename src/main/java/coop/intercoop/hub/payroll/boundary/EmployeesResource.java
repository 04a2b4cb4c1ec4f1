package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import coop.intercoop.hub.payroll.control.Contracts;
import coop.intercoop.hub.payroll.control.Employees;
import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.MonthRange;
import coop.intercoop.hub.payroll.entity.Relative;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's employees and their employment contracts. Personal data: only org-admins and accountants reach
 * them ({@link HandlesPersonnel}), and every read of one employee or of their contracts is recorded in the audit log.
 * The list carries only what picks an employee (names and NIF) and is not recorded.
 */
@Path("orgs/{org}/payroll/employees")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@HandlesPersonnel
public class EmployeesResource {

    @Inject
    Tenant tenant;

    @Inject
    Employees employees;

    @Inject
    Contracts contracts;

    /** An employee in the list: what picks them, no more. */
    public record EmployeeSummary(long id, String nif, String firstName, String lastName, String secondLastName,
            int version) {
        static EmployeeSummary of(Employee e) {
            return new EmployeeSummary(e.getId(), e.getNif(), e.getFirstName(), e.getLastName(), e.getSecondLastName(),
                    e.getVersion());
        }
    }

    public record RelativeJson(int birthYear, Integer adoptionYear, int disabilityDegree, boolean disabilityAssistance,
            boolean byHalves, int sharedWith) {
        static RelativeJson of(Relative r) {
            return new RelativeJson(r.getBirthYear(), r.getAdoptionYear(), r.getDisabilityDegree(),
                    r.isDisabilityAssistance(), r.isByHalves(), r.getSharedWith());
        }
    }

    /** An employee's personal data, with the flags as they stand today. */
    public record EmployeeJson(long id, String nif, String naf, String firstName, String lastName,
            String secondLastName, LocalDate birthDate, String address, String postalCode, String municipality,
            String iban, int familySituation, String spouseNif, int disabilityDegree, boolean disabilityAssistance,
            LocalDate disabilityFrom, String disabilityEvidence, LocalDate mobilityDate, boolean homeLoanBefore2013,
            LocalDate integrationFrom, LocalDate integrationTo, String integrationEvidence,
            LocalDate specialRelationshipFrom, LocalDate specialRelationshipTo, String specialRelationshipEvidence,
            List<RelativeJson> descendants, List<RelativeJson> ascendants, boolean disability33, boolean disability65,
            boolean inIntegrationItinerary, boolean inSpecialRelationship, int version) {
        static EmployeeJson of(Employee e) {
            LocalDate today = LocalDate.now();
            return new EmployeeJson(e.getId(), e.getNif(), e.getNaf(), e.getFirstName(), e.getLastName(),
                    e.getSecondLastName(), e.getBirthDate(), e.getAddress(), e.getPostalCode(), e.getMunicipality(),
                    e.getIban(), e.getFamilySituation(), e.getSpouseNif(), e.getDisabilityDegree(),
                    e.isDisabilityAssistance(), e.getDisabilityFrom(), e.getDisabilityEvidence(), e.getMobilityDate(),
                    e.isHomeLoanBefore2013(), e.getIntegrationFrom(), e.getIntegrationTo(), e.getIntegrationEvidence(),
                    e.getSpecialRelationshipFrom(), e.getSpecialRelationshipTo(), e.getSpecialRelationshipEvidence(),
                    relatives(e, Relative.Kind.DESCENDANT), relatives(e, Relative.Kind.ASCENDANT),
                    e.hasDisabilityOn(today), e.hasSevereDisabilityOn(today), e.inIntegrationItineraryOn(today),
                    e.inSpecialRelationshipOn(today), e.getVersion());
        }

        private static List<RelativeJson> relatives(Employee e, Relative.Kind kind) {
            return e.getRelatives().stream().filter(r -> r.getKind() == kind).map(RelativeJson::of).toList();
        }
    }

    /**
     * A salary item; {@code exemptSubkey} is the key L subkey of modelo 190 of an item not taxed, else null;
     * {@code from} and {@code until} the first and last month it applies in ({@code yyyy-MM}), null when open;
     * {@code paidIn} the months an extra payment paid whole is paid in, null when paid every month.
     */
    public record SalaryItemJson(String name, BigDecimal monthlyAmount, SalaryItem.Kind kind, boolean contributes,
            boolean taxed, Integer exemptSubkey, String from, String until, List<Integer> paidIn) {
        static SalaryItemJson of(SalaryItem i) {
            MonthRange months = i.getMonths();
            return new SalaryItemJson(i.getName(), i.getMonthlyAmount(), i.getKind(), i.isContributes(), i.isTaxed(),
                    i.getExemptSubkey().orElse(null), months.from().map(YearMonth::toString).orElse(null),
                    months.until().map(YearMonth::toString).orElse(null),
                    i.getPaidIn().isEmpty() ? null : i.getPaidIn().stream().map(Month::getValue).toList());
        }
    }

    public record ContractJson(long id, long employeeId, LocalDate startDate, LocalDate endDate, String contractType,
            BigDecimal partTimeCoefficient, int contributionGroup, String activityCode, String occupationLetter,
            String agreementCode, String professionalCategory, long workCentreId, String workCentreCcc, String project,
            List<SalaryItemJson> salaryItems, int version) {
        static ContractJson of(EmploymentContract c, String ccc) {
            return new ContractJson(c.getId(), c.getEmployeeId(), c.getStartDate(), c.getEndDate(), c.getContractType(),
                    c.getPartTimeCoefficient(), c.getContributionGroup(), c.getActivityCode(), c.getOccupationLetter(),
                    c.getAgreementCode(), c.getProfessionalCategory(), c.getWorkCentreId(), ccc, c.getProject(),
                    c.getSalaryItems().stream().map(SalaryItemJson::of).toList(), c.getVersion());
        }
    }

    /** A contract's last day and the version read. */
    public static class ContractEnd {
        public LocalDate endDate;
        public Integer version;
    }

    @GET
    @Operation(summary = "The employees, by name: id, NIF and names only (org-admin, accountant)")
    public List<EmployeeSummary> all() {
        return employees.all().stream().map(EmployeeSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One employee's personal data (org-admin, accountant); the read is audited")
    public EmployeeJson one(@PathParam("id") long id) {
        return EmployeeJson.of(employees.read(id));
    }

    @POST
    @Operation(summary = "Add an employee (org-admin, accountant); NIF or NIE, NAF and IBAN are checked")
    public Response create(@NotNull @Valid EmployeeData input) {
        Employee created = employees.create(input);
        return Response.created(URI.create("orgs/" + tenant.id() + "/payroll/employees/" + created.getId()))
                .entity(EmployeeJson.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an employee (org-admin, accountant); 'version' must be the one read")
    public EmployeeJson change(@PathParam("id") long id, @NotNull @Valid EmployeeData input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return EmployeeJson.of(employees.change(id, input.version, input));
    }

    @GET
    @Path("{id}/contracts")
    @Operation(summary = "An employee's contracts (org-admin, accountant); the read is audited")
    public List<ContractJson> contracts(@PathParam("id") long id) {
        return contracts.of(id).stream().map(c -> ContractJson.of(c, contracts.cccOf(c))).toList();
    }

    @GET
    @Path("{id}/contracts/{contract}")
    @Operation(summary = "One contract of an employee (org-admin, accountant); the read is audited")
    public ContractJson contract(@PathParam("id") long id, @PathParam("contract") long contract) {
        EmploymentContract read = contracts.read(id, contract);
        return ContractJson.of(read, contracts.cccOf(read));
    }

    @POST
    @Path("{id}/contracts")
    @Operation(summary = "Add a contract to an employee (org-admin, accountant); its work centre is the organisation's")
    public Response createContract(@PathParam("id") long id, @NotNull @Valid ContractData input) {
        EmploymentContract created = contracts.create(id, input);
        return Response
                .created(URI
                        .create("orgs/" + tenant.id() + "/payroll/employees/" + id + "/contracts/" + created.getId()))
                .entity(ContractJson.of(created, contracts.cccOf(created))).build();
    }

    @PUT
    @Path("{id}/contracts/{contract}")
    @Operation(summary = "Change a contract (org-admin, accountant); 'version' must be the one read")
    public ContractJson changeContract(@PathParam("id") long id, @PathParam("contract") long contract,
            @NotNull @Valid ContractData input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        EmploymentContract changed = contracts.change(id, contract, input.version, input);
        return ContractJson.of(changed, contracts.cccOf(changed));
    }

    @POST
    @Path("{id}/contracts/{contract}/end")
    @Operation(summary = "End a contract on its last day (org-admin, accountant); 'version' must be the one read")
    public ContractJson end(@PathParam("id") long id, @PathParam("contract") long contract,
            @NotNull ContractEnd input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        EmploymentContract ended = contracts.end(id, contract, input.version, input.endDate);
        return ContractJson.of(ended, contracts.cccOf(ended));
    }
}
