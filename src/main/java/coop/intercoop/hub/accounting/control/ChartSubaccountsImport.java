package coop.intercoop.hub.accounting.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Subaccounts for the chart of the organisation the job runs in (bank accounts, suppliers, projects' expense accounts):
 * one row per code and name. Each row is checked by the chart's rules for subaccounts ({@link SubaccountRules}) against
 * the chart as the job started, and refused in the words the API uses; the rows are added through {@link Accounts}, as
 * from the API, {@value #BATCH} at a time, and the rules are checked again there under the books lock.
 */
@Dependent
public class ChartSubaccountsImport implements Importer {

    public static final String KIND = "chart-subaccounts";

    /** How many rows are written together: their parents read in one query, the rows in one flush. */
    private static final int BATCH = 500;

    private static final List<Column> COLUMNS = List.of(
            Column.required("code", "código", "codigo", "cuenta", "subcuenta", "code", "account"),
            Column.required("name", "nombre", "descripción", "descripcion", "name"));

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    WorkCentres workCentres;

    @Inject
    Tenant tenant;

    @Inject
    OrganisationAccess access;

    @Inject
    Accounts accounts;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String texts() {
        return EntryImport.TEXTS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ORG_ADMIN, Role.ACCOUNTANT);
    }

    @Override
    public Template template(Locale language) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("code", "5720001");
        example.put("name", "en".equals(language.getLanguage()) ? "Bank account 1" : "Cuenta corriente banco 1");
        return new Template(Map.of(), List.of(example));
    }

    @Override
    public Run start(ImportReport report) {
        SubaccountRules rules = new SubaccountRules(BookSnapshot.of(dataSource, workCentres, tenant.id()).chart());
        Map<String, Integer> added = new HashMap<>();
        return new Run() {
            /** The rows not yet written, in order: checked codes, none extending another's. */
            private final Map<String, String> batch = new LinkedHashMap<>();

            @Override
            public void check(ImportRow row) {
                String code = row.requiredText("code", 40);
                row.requiredText("name", Account.MAX_NAME_LENGTH);
                if (code == null) {
                    return;
                }
                Integer earlier = added.get(code);
                if (earlier != null) {
                    row.error("code", "code.repeated", code, earlier);
                    return;
                }
                Refusals refusals = new Refusals();
                SubaccountRules.Accepted accepted = rules.check(code, refusals);
                refusals.all().forEach(refusal -> row.error("code", refusal));
                if (accepted != null && !row.failed()) {
                    rules.add(accepted);
                    added.put(accepted.code(), row.number());
                }
            }

            @Override
            public void prepareWrite() {
                // entering the organisation in the write transaction points its persistence context there
                access.enter(tenant.id());
            }

            @Override
            public void write(ImportRow row) {
                batch.put(row.requiredText("code", 40), row.requiredText("name", Account.MAX_NAME_LENGTH));
                if (batch.size() == BATCH) {
                    finish();
                }
            }

            @Override
            public void finish() {
                if (!batch.isEmpty()) {
                    accounts.addSubaccounts(batch);
                    batch.clear();
                }
            }
        };
    }
}
