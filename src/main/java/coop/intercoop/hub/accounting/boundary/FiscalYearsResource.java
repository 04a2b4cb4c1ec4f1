package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.control.Legalisation;
import coop.intercoop.hub.accounting.control.YearEnd;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.accounting.entity.Period;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/** The organisation's fiscal years and their monthly periods. */
@Path("orgs/{org}/accounting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class FiscalYearsResource {

    @Inject
    Tenant tenant;

    @Inject
    FiscalYears fiscalYears;

    @Inject
    YearEnd yearEnd;

    @Inject
    Legalisation legalisation;

    public static class FiscalYearInput {
        @NotNull
        public Integer year;
        /** In {@code year}; the first day of a month unless the year is shorter; 1 January when absent. */
        public LocalDate startDate;
        /**
         * The last day of a month at most twelve months on; twelve months, or 31 December for a short year, when
         * absent.
         */
        public LocalDate endDate;
    }

    public record PeriodJson(int number, LocalDate startDate, LocalDate endDate) {
        static PeriodJson of(Period p) {
            return new PeriodJson(p.getNumber(), p.getStartDate(), p.getEndDate());
        }
    }

    public record FiscalYearJson(long id, int year, LocalDate startDate, LocalDate endDate, boolean closed,
            boolean legalised, List<PeriodJson> periods) {
        static FiscalYearJson of(FiscalYear f) {
            return new FiscalYearJson(f.getId(), f.getYear(), f.getStartDate(), f.getEndDate(), f.isClosed(),
                    f.isLegalised(), f.getPeriods().stream().map(PeriodJson::of).toList());
        }
    }

    public record DatedPeriodJson(int year, int number, LocalDate startDate, LocalDate endDate) {
    }

    @GET
    @Path("fiscal-years")
    @Operation(summary = "The fiscal years with their periods (org-admin, accountant, auditor)")
    @ReadsBooks
    public List<FiscalYearJson> all() {
        return fiscalYears.all().stream().map(FiscalYearJson::of).toList();
    }

    @POST
    @Path("fiscal-years")
    @Operation(summary = "Open a fiscal year of monthly periods (org-admin, accountant): the calendar year unless "
            + "'startDate' and 'endDate' say otherwise; a first year may be shorter than twelve months")
    @KeepsBooks
    public Response open(@NotNull @Valid FiscalYearInput input) {
        FiscalYear opened = fiscalYears.open(input.year, input.startDate, input.endDate);
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/fiscal-years"))
                .entity(FiscalYearJson.of(opened)).build();
    }

    public record ClosingJson(int year, EntriesResource.PostedJson transfer, EntriesResource.PostedJson regularisation,
            EntriesResource.PostedJson closing, EntriesResource.PostedJson opening) {
    }

    @POST
    @Path("fiscal-years/{year}/closing")
    @Operation(summary = "Close a fiscal year (org-admin, accountant): transfer groups 8 and 9 to their subgroup 13 "
            + "accounts, regularise groups 6 and 7 into 129, close every balance, open the next year with them; nothing "
            + "more can be posted in the closed year")
    @KeepsBooks
    public Response close(@PathParam("year") int year, OverrideInput input) {
        YearEnd.Closing closing = yearEnd.close(year, OverrideInput.of(input));
        return Response
                .status(Response.Status.CREATED).entity(new ClosingJson(year, posted(closing.transfer()),
                        posted(closing.regularisation()), posted(closing.closing()), posted(closing.opening())))
                .build();
    }

    public record NumberingJson(int year, int version, int entries) {
    }

    @POST
    @Path("fiscal-years/{year}/renumbering")
    @Operation(summary = "Number the fiscal year's entries again by date before its journal is legalised (org-admin, "
            + "accountant): within a date the opening entry first and the year-end entries last; a new sealed numbering, "
            + "posted entries are not changed; 409 once the year is legalised")
    @KeepsBooks
    public Response renumber(@PathParam("year") int year) {
        Legalisation.Numbering numbering = legalisation.renumber(year);
        return Response.status(Response.Status.CREATED)
                .entity(new NumberingJson(numbering.year(), numbering.version(), numbering.entries())).build();
    }

    @POST
    @Path("fiscal-years/{year}/legalisation")
    @Operation(summary = "Mark the fiscal year's journal as legalised (org-admin, accountant): its entry numbers are "
            + "final and nothing more is posted, reversed or renumbered in it; answers the year, its entries and the "
            + "numbering that numbers them (null: the posting numbers); 409 if entries were posted after its "
            + "latest renumbering")
    @KeepsBooks
    public Legalisation.Legalised legalise(@PathParam("year") int year) {
        return legalisation.legalise(year);
    }

    private static EntriesResource.PostedJson posted(Ledger.Posted posted) {
        return posted == null ? null : EntriesResource.PostedJson.of(posted);
    }

    @GET
    @Path("periods")
    @Operation(summary = "The period a date (YYYY-MM-DD) falls in (org-admin, accountant, auditor); 400 outside "
            + "every open fiscal year")
    @ReadsBooks
    public DatedPeriodJson periodOf(@QueryParam("date") @NotNull LocalDate date) {
        Period period = fiscalYears.periodOf(date);
        return new DatedPeriodJson(period.getFiscalYear().getYear(), period.getNumber(), period.getStartDate(),
                period.getEndDate());
    }
}
