package coop.intercoop.hub.accounting.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.control.Consolidation;
import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.accounting.control.GrantExecutions;
import coop.intercoop.hub.accounting.control.JournalAndLedger;
import coop.intercoop.hub.accounting.control.StatementModels;
import coop.intercoop.hub.accounting.entity.EquityChanges;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.spreadsheet.boundary.Workbook.Writing;
import coop.intercoop.hub.spreadsheet.boundary.Workbook;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

/**
 * The accounting reports' workbooks, one {@link Workbook} each, read by the API resources and the portal pages alike:
 * the same figures as the JSON, one sheet per report, streamed to the reader as they are written.
 */
final class ReportWorkbooks {

    static final String XLSX = Xlsx.MEDIA_TYPE;

    /** The report titles, in English; {@code reports_es.properties} has the Spanish ones. */
    static final String TITLES = "coop.intercoop.hub.accounting.reports";
    /** The language of the sheets (the books'): journals are named as the portal names them in Spanish. */
    private static final Locale BOOKS = HubTexts.SPANISH;

    private ReportWorkbooks() {
    }

    /** Whether the {@code format} parameter asks for xlsx; anything but json or xlsx is refused. */
    static boolean xlsx(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("xlsx")) {
            return true;
        }
        throw new InvalidReportException("format", "report.format", format);
    }

    /** The ledger of a range, from its figures ({@code head}) and the books that stream its lines. */
    record LedgerExport(JournalAndLedger.LedgerPage head, JournalAndLedger books) {
    }

    /** The journal of a range, streamed from the books. */
    record JournalExport(LocalDate from, LocalDate to, JournalAndLedger books) {
    }

    /** The entries matching a filter, streamed from the entries. */
    record EntriesExport(Entries.Filter filter, Entries entries) {
    }

    /**
     * A consolidated trial balance and the organisations it sums.
     *
     * @param consortium
     *            the consortium summed, or null for organisations of the caller's
     * @param summed
     *            the organisations summed, as {@code tb} lists them
     * @param leftOut
     *            the consortium's members not summed
     */
    record ConsolidatedExport(Consolidation.Consolidated tb, String consortium, List<Consolidation.Party> summed,
            List<Consolidation.Party> leftOut) {

        static ConsolidatedExport of(Consolidation.ConsortiumTrialBalance over) {
            return new ConsolidatedExport(over.trialBalance(), over.consortium(), over.included(), over.leftOut());
        }
    }

    private static final List<Column> BALANCE = List.of(Column.text("Cuenta"), Column.text("Nombre", 50),
            Column.amount("Debe"), Column.amount("Haber"), Column.amount("Saldo deudor"),
            Column.amount("Saldo acreedor"));

    /** The heading of the previous period's column when there is none: its cells are empty. */
    private static final String PREVIOUS = "Ejercicio anterior";

    /**
     * A statement's columns as the official models print them, so that the figures can be copied into the registry's
     * form: the caption, the reference to the notes (left for the accountant to fill), this period and the previous
     * one, each headed with its dates ({@link #statementColumns(String, String)}).
     */
    private static final List<Column> STATEMENT = statementColumns("Ejercicio actual", PREVIOUS);

    static final Workbook<TrialBalance> TRIAL_BALANCE = new Workbook<>(TITLES, "trial-balance.title", BALANCE,
            Writing.DIRECT, (org, tb) -> dated("sumas-y-saldos-" + org + "-nivel-" + tb.level(), tb.date()),
            tb -> new Object[] { tb.from(), tb.date(), tb.level(), tb.excluded().closing() ? 1 : 0,
                    tb.excluded().opening() ? 1 : 0 },
            (xlsx, columns, tb) -> {
                xlsx.sheet("Sumas y saldos", columns);
                trialBalanceRows(xlsx, tb.rows(), tb.totals());
            });

    static final Workbook<LedgerExport> LEDGER = new Workbook<>(TITLES, "ledger.title",
            List.of(Column.date("Fecha"), Column.integer("Asiento"), Column.text("Diario"), Column.text("Cuenta"),
                    Column.text("Concepto", 50), Column.amount("Debe"), Column.amount("Haber"), Column.amount("Saldo")),
            Writing.PIPED, (org, l) -> dated("mayor-" + l.head().account(), l.head().from(), l.head().to()),
            l -> new Object[] { l.head().account(), l.head().name(), l.head().from(), l.head().to() },
            ReportWorkbooks::ledger);

    static final Workbook<JournalExport> JOURNAL = new Workbook<>(TITLES, "journal.title",
            List.of(Column.integer("Asiento"), Column.date("Fecha"), Column.text("Diario"),
                    Column.text("Descripción", 40), Column.text("Documento"), Column.integer("Línea"),
                    Column.text("Cuenta"), Column.text("Nombre", 40), Column.amount("Debe"), Column.amount("Haber"),
                    Column.text("Texto", 30)),
            Writing.PIPED, (org, j) -> dated("diario-" + org, j.from(), j.to()), j -> new Object[] { j.from(), j.to() },
            ReportWorkbooks::journal);

    static final Workbook<EntriesExport> ENTRIES = new Workbook<>(
            TITLES, "entries.title", List
                    .of(Column.integer("Ejercicio"), Column.integer("Asiento"), Column.date("Fecha"),
                            Column.text("Diario"), Column.text("Descripción", 50), Column.text("Documento"),
                            Column.amount("Importe"), Column.text("Anulación"), Column.text("Registrado por")),
            Writing.PIPED,
            (org, e) -> "asientos-" + org + (e.filter().from() == null ? "" : "-desde-" + e.filter().from())
                    + (e.filter().to() == null ? "" : "-hasta-" + e.filter().to()),
            e -> new Object[0], ReportWorkbooks::entries);

    static final Workbook<FinancialStatements.StatementReport> BALANCE_SHEET = new Workbook<>(TITLES,
            "balance-sheet.title", STATEMENT, Writing.DIRECT, (org, s) -> dated("balance-" + org, s.to()),
            s -> new Object[] { s.to(), s.model(), s.sizeText() },
            (xlsx, columns, s) -> statement(xlsx, "Balance", true, s));

    static final Workbook<FinancialStatements.StatementReport> RESULTS = new Workbook<>(TITLES, "results.title",
            STATEMENT, Writing.DIRECT, (org, s) -> dated("cuenta-de-resultados-" + org, s.from(), s.to()),
            s -> new Object[] { s.from(), s.to(), s.model(), s.sizeText() },
            (xlsx, columns, s) -> statement(xlsx, "Cuenta de resultados", false, s));

    /** The caption column of the statement of changes in equity and its TOTAL column, which the model prints last. */
    private static final Column EQUITY_CAPTION = Column.text("Concepto", 60);
    private static final Column EQUITY_TOTAL = Column.amount("TOTAL");

    static final Workbook<FinancialStatements.EquityChangesReport> EQUITY_CHANGES = new Workbook<>(TITLES,
            "equity-changes.title", List.of(EQUITY_CAPTION, EQUITY_TOTAL), Writing.DIRECT,
            (org, e) -> dated("cambios-patrimonio-neto-" + org, e.from(), e.to()), e -> new Object[] { e.year(),
                    e.from(), e.to(), e.model(), StatementModels.text(StatementSize.of(e.size())) },
            ReportWorkbooks::equityChanges);

    static final Workbook<GrantExecutions.GrantExecution> GRANT_EXECUTION = new Workbook<>(TITLES,
            "grant-execution.title",
            List.of(Column.text("Cuenta"), Column.text("Nombre", 50), Column.amount("Presupuesto"),
                    Column.amount("Ejecutado"), Column.amount("Pendiente")),
            Writing.DIRECT, (org, g) -> "subvencion-" + org + "-" + g.grant(),
            g -> new Object[] { g.grant(), g.name() }, ReportWorkbooks::grant);

    static final Workbook<ConsolidatedExport> CONSOLIDATED = new Workbook<>(TITLES, "consolidated.title", BALANCE,
            Writing.DIRECT, (org, c) -> dated("sumas-y-saldos-consolidado-nivel-" + c.tb().level(), c.tb().date()),
            c -> new Object[] { c.tb().date(), c.tb().level(), over(c) }, ReportWorkbooks::consolidated);

    /** Every report's workbook. */
    static final List<Workbook<?>> ALL = List.of(TRIAL_BALANCE, LEDGER, JOURNAL, ENTRIES, BALANCE_SHEET, RESULTS,
            EQUITY_CHANGES, GRANT_EXECUTION, CONSOLIDATED);

    private static void trialBalanceRows(SheetWriter xlsx, List<TrialBalance.Row> rows, TrialBalance.Totals totals) {
        for (TrialBalance.Row row : rows) {
            xlsx.row(row.code(), row.name(), row.debit(), row.credit(), row.balanceDebit(), row.balanceCredit());
        }
        xlsx.totals("Total", null, totals.debit(), totals.credit(), totals.balanceDebit(), totals.balanceCredit());
    }

    static void ledgerLine(SheetWriter xlsx, JournalAndLedger.LedgerLine line) {
        xlsx.row(line.date(), line.number(), line.journal().label(BOOKS), line.account(),
                line.text() == null ? line.description() : line.description() + " - " + line.text(), line.debit(),
                line.credit(), line.balance());
    }

    /**
     * The ledger sheet of the range the head describes: the opening balance, every line with its running balance as the
     * books stream them, then the totals and the closing balance.
     */
    private static void ledger(SheetWriter xlsx, List<Column> columns, LedgerExport export) {
        JournalAndLedger.LedgerPage head = export.head();
        xlsx.sheet("Mayor " + head.account(), columns);
        xlsx.row(head.from(), null, null, head.account(), "Saldo anterior", null, null, head.opening());
        JournalAndLedger.LedgerPage all = export.books().ledger(head.account(), head.from(), head.to(),
                line -> ledgerLine(xlsx, line));
        xlsx.totals(head.to(), null, null, head.account(), "Total y saldo final", all.debit(), all.credit(),
                all.closing());
    }

    /** The journal sheet: every line of the range as the books stream it, then the debit and credit totals. */
    private static void journal(SheetWriter xlsx, List<Column> columns, JournalExport export) {
        xlsx.sheet("Diario", columns);
        BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO };
        export.books().journal(export.from(), export.to(), line -> {
            xlsx.row(line.number(), line.date(), line.journal().label(BOOKS), line.description(), line.document(),
                    line.line(), line.account(), line.accountName(), line.debit(), line.credit(), line.text());
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
        });
        xlsx.totals(null, null, null, "Total", null, null, null, null, sums[0], sums[1]);
    }

    /**
     * The entries list: one row per entry matching the filter, as {@link Entries#stream} reads them, then the total.
     */
    private static void entries(SheetWriter xlsx, List<Column> columns, EntriesExport export) {
        xlsx.sheet("Asientos", columns);
        BigDecimal[] total = { BigDecimal.ZERO };
        export.entries().stream(export.filter(), entry -> {
            xlsx.row(entry.fiscalYear(), entry.number(), entry.date(), entry.journal().label(BOOKS),
                    entry.description(), entry.document(), entry.total(),
                    entry.reversedBy() != null ? "anulado" : entry.reverses() != null ? "anulación" : null,
                    entry.postedBy());
            total[0] = total[0].add(entry.total());
        });
        xlsx.totals(null, null, null, null, "Total", null, total[0]);
    }

    /** A statement's period as its column is headed: the date of a balance sheet, the range of a results account. */
    private static String period(LocalDate from, LocalDate to, boolean dated) {
        return dated ? shown(to) : shown(from) + " - " + shown(to);
    }

    /** A statement's columns, the amounts headed with their periods. */
    private static List<Column> statementColumns(String current, String previous) {
        return List.of(Column.text("Concepto", 70), Column.text("Notas"), Column.amount(current),
                Column.amount(previous));
    }

    /**
     * A statement's sheet: each line's caption, indented by its level, an empty note reference and both amounts, under
     * the headings of their periods.
     *
     * @param dated
     *            whether the statement is at a date (a balance sheet), its columns headed with their dates, rather than
     *            over a range (a results account), headed with their ranges
     */
    private static void statement(SheetWriter xlsx, String sheet, boolean dated,
            FinancialStatements.StatementReport report) {
        xlsx.sheet(sheet, statementColumns(period(report.from(), report.to(), dated),
                report.previousTo() == null ? PREVIOUS : period(report.previousFrom(), report.previousTo(), dated)));
        for (Statement.Amount line : report.lines()) {
            Object[] row = { "  ".repeat(line.level()) + line.caption(), null, line.amount(), line.previous() };
            if (line.level() <= 1) {
                xlsx.boldRow(row);
            } else {
                xlsx.row(row);
            }
        }
    }

    /**
     * The statement of changes in equity as the model prints it, every row and column (the registry's form has them
     * all): the caption, one column per leaf column and the TOTAL; the header in two rows as the model's, the upper one
     * with each heading over its columns (repeated over each, as a sheet without merged cells shows it) and the columns
     * without a heading, the lower one with the columns under a heading; the balances A to E in bold, the previous
     * year's rows of an organisation's first year empty.
     */
    private static void equityChanges(SheetWriter xlsx, List<Column> columns,
            FinancialStatements.EquityChangesReport report) {
        List<Column> sheet = new ArrayList<>();
        List<Object> lower = new ArrayList<>();
        sheet.add(EQUITY_CAPTION);
        lower.add(null);
        String heading = null;
        for (EquityChanges.Column column : report.columns()) {
            if (!column.leaf()) {
                heading = column.caption();
            } else if (column.level() == 0) {
                heading = null;
                sheet.add(Column.amount(column.caption()));
                lower.add(column.caption());
            } else {
                sheet.add(Column.amount(heading == null ? column.caption() : heading));
                lower.add(column.caption());
            }
        }
        sheet.add(EQUITY_TOTAL);
        lower.add(EQUITY_TOTAL.header());
        xlsx.sheet("Cambios en el patrimonio neto", sheet);
        xlsx.boldRow(lower.toArray());
        for (EquityChanges.Amounts row : report.rows()) {
            Object[] cells = new Object[sheet.size()];
            cells[0] = "  ".repeat(row.level()) + row.caption();
            for (int i = 0; row.amounts() != null && i < row.amounts().size(); i++) {
                cells[i + 1] = row.amounts().get(i);
            }
            cells[cells.length - 1] = row.total();
            if (row.level() == 0) {
                xlsx.boldRow(cells);
            } else {
                xlsx.row(cells);
            }
        }
    }

    private static void grant(SheetWriter xlsx, List<Column> columns, GrantExecutions.GrantExecution grant) {
        xlsx.sheet("Subvención", columns);
        for (GrantExecutions.GrantLine line : grant.lines()) {
            xlsx.row(line.account(), line.name(), line.budget(), line.actual(), line.remaining());
        }
        xlsx.totals("Total", grant.name(), grant.budget(), grant.actual(), grant.remaining());
        xlsx.totals("Concedido", grant.funder(), grant.awarded(), null, null);
        xlsx.totals("Fuera de presupuesto", null, null, grant.outsideBudget(), null);
        xlsx.totals("Ingresos de la subvención", null, null, grant.income(), null);
    }

    /** What a consolidated trial balance sums, as its title says it: the organisations, or the consortium's members. */
    private static HubTexts.Text over(ConsolidatedExport c) {
        if (c.consortium() == null) {
            return new HubTexts.Text(TITLES, "consolidated.organisations", names(c.summed()));
        }
        return c.leftOut().isEmpty()
                ? new HubTexts.Text(TITLES, "consolidated.consortium", c.consortium(), names(c.summed()))
                : new HubTexts.Text(TITLES, "consolidated.consortium.left-out", c.consortium(), names(c.summed()),
                        names(c.leftOut()));
    }

    /**
     * The consolidated sheet, under title rows that say what it is: the date and level, the consortium if any, each
     * organisation summed by name and tax id with the dates its figures cover, and the members left out.
     */
    private static void consolidated(SheetWriter xlsx, List<Column> columns, ConsolidatedExport c) {
        Consolidation.Consolidated tb = c.tb();
        List<String> heading = new ArrayList<>();
        heading.add("Balance de sumas y saldos consolidado a " + shown(tb.date()) + ", nivel " + tb.level());
        if (c.consortium() != null) {
            heading.add("Consorcio: " + c.consortium());
        }
        heading.add("Organizaciones sumadas:");
        for (Consolidation.Span span : tb.periods()) {
            Consolidation.Party party = c.summed().stream().filter(p -> p.id() == span.organisation()).findFirst()
                    .orElseThrow();
            heading.add(named(party) + ", del " + shown(span.from()) + " al " + shown(span.to()));
        }
        if (!c.leftOut().isEmpty()) {
            heading.add("Sin incluir (usted no lleva ni audita su contabilidad): " + names(c.leftOut()));
        }
        xlsx.sheet("Consolidado", heading, columns);
        trialBalanceRows(xlsx, tb.rows(), tb.totals());
    }

    /** The organisations by name and tax id, as the workbooks name them. */
    private static String names(List<Consolidation.Party> parties) {
        return parties.stream().map(ReportWorkbooks::named).collect(Collectors.joining(", "));
    }

    /** An organisation by name and tax id: {@code Asociación Norte (G12345674)}. */
    private static String named(Consolidation.Party party) {
        return party.name() + " (" + party.taxId() + ")";
    }

    /** A date as the books show it: 31/03/2025. */
    private static String shown(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String dated(String what, LocalDate... dates) {
        StringBuilder name = new StringBuilder(what);
        for (LocalDate date : dates) {
            name.append('-').append(date);
        }
        return name.toString();
    }
}
