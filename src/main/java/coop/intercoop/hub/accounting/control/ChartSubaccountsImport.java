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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.persistence.config.PersistenceUnitProperties;

import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.AccountCodeTooLongException;
import coop.intercoop.hub.accounting.entity.InvalidAccountException;
import coop.intercoop.hub.accounting.entity.SubaccountUnderSubgroupException;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Subaccounts for the chart of the organisation the job runs in (bank accounts, suppliers, projects' expense accounts):
 * one row per code and name. Each code must be new and extend an account of the chart (not a subaccount, nor a group or
 * subgroup directly: {@link Account#checkParent}); the rows are added through {@link Accounts}, as from the API,
 * {@value #BATCH} at a time.
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

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

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
        BookSnapshot books = BookSnapshot.of(dataSource, tenant.id());
        Map<String, Integer> added = new HashMap<>();
        return new Run() {
            /** The rows not yet written, in order: checked codes, none extending another's. */
            private final Map<String, String> batch = new LinkedHashMap<>();

            @Override
            public void check(ImportRow row) {
                String code = row.requiredText("code", 40);
                row.requiredText("name", Account.MAX_NAME_LENGTH);
                if (code == null || !wellFormed(row, code)) {
                    return;
                }
                if (books.hasAccount(code)) {
                    row.error("code", "code.exists", code);
                } else if (added.containsKey(code)) {
                    row.error("code", "code.repeated", code, added.get(code));
                } else if (books.parentOf(code) == null) {
                    row.error("code", "code.no-parent", code);
                } else if (underSubgroup(code, books.parentOf(code))) {
                    row.error("code", "code.under-subgroup", code, books.parentOf(code), Account.ACCOUNT_LENGTH);
                } else if (books.isOwnSubaccount(books.parentOf(code))) {
                    row.error("code", "code.extends-subaccount", code, books.parentOf(code));
                } else if (books.account(books.parentOf(code)).posting()
                        && books.postedInOpenYear(books.parentOf(code)) != null) {
                    row.error("code", "code.posted-parent", code, books.parentOf(code),
                            books.postedInOpenYear(books.parentOf(code)));
                } else if (extendsAdded(code) != null) {
                    row.error("code", "code.extends-subaccount", code, extendsAdded(code));
                } else if (!row.failed()) {
                    added.put(code, row.number());
                }
            }

            /** Whether the code passes the chart's rule ({@link Account#checkCode}); reports on the row if not. */
            private boolean wellFormed(ImportRow row, String code) {
                try {
                    Account.checkCode(code);
                    return true;
                } catch (AccountCodeTooLongException e) {
                    row.error("code", "code.too-long", code, code.length(), Account.MAX_CODE_LENGTH);
                } catch (InvalidAccountException e) {
                    row.error("code", "code.invalid", code);
                }
                return false;
            }

            /** Whether the chart's rule ({@link Account#checkParent}) refuses the code under that parent. */
            private boolean underSubgroup(String code, String parent) {
                try {
                    Account.checkParent(code, parent);
                    return false;
                } catch (SubaccountUnderSubgroupException e) {
                    return true;
                }
            }

            /** The longest code of an earlier row that begins this one, or null. */
            private String extendsAdded(String code) {
                for (int end = code.length() - 1; end >= 1; end--) {
                    if (added.containsKey(code.substring(0, end))) {
                        return code.substring(0, end);
                    }
                }
                return null;
            }

            @Override
            public void prepareWrite() {
                em.setProperty(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, String.valueOf(tenant.id()));
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
