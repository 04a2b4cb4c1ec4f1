package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportRow;

/**
 * Opening balances of the organisation the job runs in (an organisation moving its books into the hub): one row per
 * account with its debit or credit balance on the opening date. The rows of one date form one entry of the opening
 * journal, which must balance like any other.
 */
@Dependent
public class OpeningBalancesImport extends EntryImport {

    public static final String KIND = "opening-balances";

    private static final List<Column> COLUMNS = List.of(Column.required("date", "fecha", "date").dates(),
            Column.required("account", "cuenta", "account"), Column.optional("debit", "debe", "debit").amounts(),
            Column.optional("credit", "haber", "credit").amounts(),
            Column.optional("description", "concepto", "descripción", "descripcion", "description"),
            Column.optional("thirdPartyNif", "nif", "nif tercero", "third party nif", "tax id"));

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    Head head(ImportRow row, Run run) {
        LocalDate date = row.requiredDate("date");
        return date == null ? null
                : new Head(run.jobOrganisation(), date.toString(), date, Journal.OPENING,
                        run.report.text("opening.description", date), null);
    }

    @Override
    public Template template(Locale language) {
        LocalDate date = LocalDate.now().withDayOfYear(1);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("date", date);
        first.put("account", "572");
        first.put("debit", new BigDecimal("15000.00"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("date", date);
        second.put("account", "101");
        second.put("credit", new BigDecimal("15000.00"));
        return new Template(Map.of(), List.of(first, second));
    }
}
