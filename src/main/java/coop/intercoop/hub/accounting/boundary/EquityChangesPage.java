package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.accounting.entity.EquityChanges;

/**
 * The statement of changes in equity ({@code /org/accounting/equity-changes.xhtml}) of the fiscal year containing a
 * date, beside the previous year, in the model of the organisation's plan; on screen or as a spreadsheet. The screen
 * leaves out the rows and columns without an amount in either year, as norm 4.ª 2 of the PGC PYMES's tercera parte
 * allows; the spreadsheet has them all, as the registry's form does. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class EquityChangesPage extends DatedReportPage<EquityChangesPage.Shown> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FinancialStatements> statements;

    /**
     * A cell of the header: a heading over {@code columns} columns, or a column spanning {@code rows} header rows.
     */
    public record HeaderCell(String caption, int columns, int rows) {
    }

    /**
     * A row as shown: its amounts in the shown columns only, each null in the previous year's rows of an organisation's
     * first year.
     */
    public record ShownRow(String code, String caption, int level, List<BigDecimal> amounts, BigDecimal total) {
    }

    /**
     * The statement as the page shows it: the report, the header's upper and lower rows (the lower one empty when no
     * shown column has a heading) and the shown rows, in the model's order.
     */
    public record Shown(FinancialStatements.EquityChangesReport report, List<HeaderCell> upper, List<HeaderCell> lower,
            List<ShownRow> rows) {
    }

    @Override
    Shown read() {
        return shown(statements.get().equityChanges(getDate()));
    }

    @Override
    void send() throws IOException {
        ReportWorkbooks.EQUITY_CHANGES.send(tenant.id(), statements.get().equityChanges(getDate()));
    }

    public Shown getShown() {
        return report();
    }

    /** The report without its empty rows and columns, its header in one or two rows. */
    static Shown shown(FinancialStatements.EquityChangesReport report) {
        List<EquityChanges.Column> columns = report.columns();
        List<Integer> leaves = new ArrayList<>();
        List<HeaderCell> lower = new ArrayList<>();
        int leaf = 0;
        for (EquityChanges.Column column : columns) {
            if (column.leaf()) {
                if (!report.emptyColumns().contains(column.code())) {
                    leaves.add(leaf);
                    if (column.level() > 0) {
                        lower.add(new HeaderCell(column.caption(), 1, 1));
                    }
                }
                leaf++;
            }
        }
        int depth = lower.isEmpty() ? 1 : 2;
        List<HeaderCell> upper = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            EquityChanges.Column column = columns.get(i);
            if (column.level() > 0 || report.emptyColumns().contains(column.code())) {
                continue;
            }
            if (column.leaf()) {
                upper.add(new HeaderCell(column.caption(), 1, depth));
            } else {
                int under = 0;
                for (int j = i + 1; j < columns.size() && columns.get(j).level() > column.level(); j++) {
                    if (columns.get(j).leaf() && !report.emptyColumns().contains(columns.get(j).code())) {
                        under++;
                    }
                }
                upper.add(new HeaderCell(column.caption(), under, 1));
            }
        }
        List<ShownRow> rows = new ArrayList<>();
        for (EquityChanges.Amounts row : report.rows()) {
            if (!report.emptyRows().contains(row.code())) {
                rows.add(new ShownRow(row.code(), row.caption(), row.level(),
                        row.amounts() == null ? Collections.nCopies(leaves.size(), (BigDecimal) null)
                                : leaves.stream().map(row.amounts()::get).toList(),
                        row.total()));
            }
        }
        return new Shown(report, List.copyOf(upper), List.copyOf(lower), List.copyOf(rows));
    }
}
