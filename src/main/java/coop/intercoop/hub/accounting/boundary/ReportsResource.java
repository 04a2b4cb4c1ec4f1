package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.accounting.control.GrantExecutions;
import coop.intercoop.hub.accounting.control.JournalAndLedger;
import coop.intercoop.hub.accounting.control.TrialBalances;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The books' reports (org-admin, accountant, auditor): trial balance, general ledger, journal, balance sheet, results
 * account and statement of changes in equity in the models of the organisation's plan, grant execution. Each answers
 * JSON, or with {@code format=xlsx} the same report as a spreadsheet download ({@link ReportWorkbooks}), titled in the
 * caller's language by {@code Accept-Language}.
 */
@Path("orgs/{org}/accounting/reports")
@RequestScoped
@Produces({ MediaType.APPLICATION_JSON, ReportWorkbooks.XLSX })
@Tag(name = "Accounting")
@Tenanted
public class ReportsResource {

    @Inject
    Tenant tenant;

    @Context
    HttpHeaders headers;

    @Inject
    TrialBalances trialBalances;

    @Inject
    JournalAndLedger books;

    @Inject
    FinancialStatements statements;

    @Inject
    GrantExecutions grants;

    @GET
    @Path("trial-balance")
    @Operation(summary = "Trial balance (sumas y saldos) at a date, from the start of its fiscal year; level group, 3 "
            + "(three-digit accounts) or posting; excludeClosing=true leaves out the closing entries of the year's "
            + "last day (transfer of groups 8 and 9, regularisation and closing), excludeOpening=true the opening "
            + "entry of its first day; format json or xlsx")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialBalance.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response trialBalance(@QueryParam("date") @NotNull LocalDate date,
            @QueryParam("level") @DefaultValue("3") ReportLevel level,
            @QueryParam("excludeClosing") String excludeClosing, @QueryParam("excludeOpening") String excludeOpening,
            @QueryParam("format") String format) {
        TrialBalance tb = trialBalances.trialBalance(date, level, new TrialBalance.Excluded(
                flag(excludeClosing, "excludeClosing"), flag(excludeOpening, "excludeOpening")));
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(tb, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.TRIAL_BALANCE.download(tenant.id(), tb, Problems.language(headers));
    }

    /** A yes-or-no parameter: true or false, absent meaning false; anything else is refused naming the parameter. */
    private static boolean flag(String text, String name) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (text.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidReportException(name, "report.boolean", text, name);
    }

    @GET
    @Path("ledger")
    @Operation(summary = "General ledger (libro mayor) of an account, or of every account under a heading, between two "
            + "dates: opening balance, lines with running balance, closing balance; 'first' and 'max' (at most 1000) "
            + "page the lines; xlsx holds every line of the range, streamed (a sheet that fills up at 1,048,576 rows "
            + "continues on the next)")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JournalAndLedger.LedgerPage.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response ledger(@QueryParam("account") String account, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("100") int max, @QueryParam("format") String format) {
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(books.ledger(account, from, to, first, max), MediaType.APPLICATION_JSON).build();
        }
        JournalAndLedger.LedgerPage head = books.ledger(account, from, to, 0, 1);
        return ReportWorkbooks.LEDGER.download(tenant.id(), new ReportWorkbooks.LedgerExport(head, books),
                Problems.language(headers));
    }

    @GET
    @Path("journal")
    @Operation(summary = "Journal (libro diario) between two dates: entries by date and number with their lines; "
            + "'first' and 'max' (at most 500) page the entries; xlsx holds every entry of the range")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JournalAndLedger.JournalPage.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response journal(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max,
            @QueryParam("format") String format) {
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(books.journal(from, to, first, max), MediaType.APPLICATION_JSON).build();
        }
        books.journal(from, to, 0, 1);
        return ReportWorkbooks.JOURNAL.download(tenant.id(), new ReportWorkbooks.JournalExport(from, to, books),
                Problems.language(headers));
    }

    @GET
    @Path("balance-sheet")
    @Operation(summary = "Balance sheet at a date, in the model of the plan the organisation's chart was built from "
            + "and of the size of annual accounts it chose (config/statements/plans.csv); the year's surplus shows in "
            + "equity until the year is closed; 409 when the plan has no balance sheet model yet", description = "Each "
                    + "line has its amount and, in 'previous', the amount at the end of the fiscal year before the one "
                    + "containing the date (previousFrom to previousTo), drawn up the same way: without the closing "
                    + "entries of its year-end. In the organisation's first fiscal year 'previous', previousFrom and "
                    + "previousTo are null. 'model' and 'size' say which model it is. 'warnings' holds, in the caller's "
                    + "language (Accept-Language), the warning of an organisation on abbreviated accounts whose books "
                    + "passed the limits of the abbreviated balance sheet (config/statements/thresholds.csv) at its "
                    + "last two closed fiscal years; it is empty otherwise.")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FinancialStatements.StatementReport.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response balanceSheet(@QueryParam("date") @NotNull LocalDate date, @QueryParam("format") String format) {
        FinancialStatements.StatementReport report = statements.balanceSheet(date, Problems.language(headers));
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.BALANCE_SHEET.download(tenant.id(), report, Problems.language(headers));
    }

    @GET
    @Path("results")
    @Operation(summary = "Results account between two dates, in the model of the plan the organisation's chart was "
            + "built from and of the size of annual accounts it chose (config/statements/plans.csv); 409 when the plan "
            + "has no results account model yet", description = "Each line has its amount and, in 'previous', the "
                    + "amount of the same range one year earlier (previousFrom to previousTo; a range ending on a "
                    + "month's last day is compared with one ending on that month's last day), drawn up the same way: "
                    + "without the closing entries of a fiscal year ending in the range and the opening entry of one "
                    + "starting in it. When no fiscal year of the organisation shares a day with the earlier range, "
                    + "'previous', previousFrom and previousTo are null. 'model' and 'size' say which model it is. "
                    + "'warnings' holds, in the caller's language, the warning of an organisation on abbreviated "
                    + "accounts whose books passed the limits of the abbreviated results account "
                    + "(config/statements/thresholds.csv) at its last two closed fiscal years; it is empty otherwise.")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FinancialStatements.StatementReport.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response results(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("format") String format) {
        FinancialStatements.StatementReport report = statements.results(from, to, Problems.language(headers));
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.RESULTS.download(tenant.id(), report, Problems.language(headers));
    }

    @GET
    @Path("equity-changes")
    @Operation(summary = "Statement of changes in equity (estado de cambios en el patrimonio neto) of the fiscal year "
            + "containing a date, beside the previous fiscal year, in the model of the organisation's plan "
            + "(config/statements/plans.csv: PGC PYMES, and cooperatives in both sizes); 409 when the plan has no model "
            + "of it (ESFL, PYMESFL) or the previous fiscal year is not closed", description = "'columns' are the "
                    + "model's columns in order, each with its level: a column that is not a 'leaf' heads the leaf "
                    + "columns one level deeper that follow it (Capital over Escriturado and No exigido). 'rows' are "
                    + "the model's rows, A to C the previous year's and C to E the year's, each with 'amounts' in the "
                    + "order of the leaf columns and the 'total'; in the organisation's first fiscal year the previous "
                    + "year's rows have null amounts and C shows the year's opening balances. Each movement of an "
                    + "equity account falls in the row of the accounts its entry sets it against; the year's opening "
                    + "entry and the closing journal's entries of its last day are left out, so the closing row E "
                    + "equals the equity of the balance sheet at the year-end. 'emptyRows' and 'emptyColumns' name the "
                    + "rows and columns without an amount in either year, which may be left out (PGC PYMES, tercera "
                    + "parte, norm 4.ª 2).")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FinancialStatements.EquityChangesReport.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response equityChanges(@QueryParam("date") @NotNull LocalDate date, @QueryParam("format") String format) {
        boolean xlsx = ReportWorkbooks.xlsx(format);
        FinancialStatements.EquityChangesReport report = statements.equityChanges(date);
        if (!xlsx) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.EQUITY_CHANGES.download(tenant.id(), report, Problems.language(headers));
    }

    @GET
    @Path("grant-execution")
    @Operation(summary = "Execution of a grant per budget line: budget, spent (charged to the grant in its "
            + "eligibility periods) and remaining, with totals and the amount awarded")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GrantExecutions.GrantExecution.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response grantExecution(@QueryParam("grant") String grant, @QueryParam("format") String format) {
        GrantExecutions.GrantExecution execution = grants.grantExecution(grant);
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(execution, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.GRANT_EXECUTION.download(tenant.id(), execution, Problems.language(headers));
    }
}
