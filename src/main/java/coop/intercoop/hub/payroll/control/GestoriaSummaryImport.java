package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.payroll.entity.GestoriaAccount;
import coop.intercoop.hub.payroll.entity.PersonalNif;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Account;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The payroll an outside labour adviser (gestoría) calculated, from its monthly summary: one row per employee and month
 * with the pay earned, the employer's and the employee's contributions, the IRPF withheld and the net pay (and, when
 * there are, compensation, the benefit paid under delegated payment and advances set off). Each employee is matched by
 * NIF among the organisation's; a row's net pay must be what its other figures leave. The rows of one month become one
 * entry of the PAYROLL journal, made as a run's entry is ({@link PayrollPosting}) and posted through the ledger: each
 * concept goes to the account the row's saved mapping ({@link GestoriaMappings}, named in the {@code gestoria} column)
 * gives it, or else to the one {@code posting-accounts.csv} gives it in the organisation's chart. Any problem leaves
 * nothing posted.
 */
@Dependent
public class GestoriaSummaryImport implements Importer {

    public static final String KIND = "payroll-gestoria-summary";

    private static final List<Column> COLUMNS = List.of(
            Column.optional("gestoria", "gestoría", "gestoria", "mapeo", "mapping"),
            Column.required("month", "mes", "periodo", "período", "month").dates(),
            Column.required("nif", "nif", "nie", "nif/nie"),
            Column.required("gross", "devengado", "total devengado", "bruto", "gross").amounts(),
            Column.optional("compensation", "indemnizaciones", "indemnización", "indemnizacion", "compensation")
                    .amounts(),
            Column.required("employerContributions", "ss empresa", "cuota empresarial", "seguridad social empresa",
                    "employer contributions").amounts(),
            Column.optional("benefitAdvanced", "pago delegado", "prestación it", "prestacion it", "benefit advanced")
                    .amounts(),
            Column.required("employeeContributions", "ss trabajador", "cuota obrera", "seguridad social trabajador",
                    "employee contributions").amounts(),
            Column.required("withholding", "irpf", "retención irpf", "retencion irpf", "withholding").amounts(),
            Column.optional("advances", "anticipos", "advances").amounts(),
            Column.required("net", "líquido", "liquido", "líquido a percibir", "liquido a percibir", "neto", "net")
                    .amounts(),
            Column.optional("workCentre", "ccc", "centro de trabajo", "work centre"));

    @Inject
    Tenant tenant;

    @Inject
    OrganisationAccess access;

    @Inject
    Employees employees;

    @Inject
    GestoriaMappings mappings;

    @Inject
    PayrollTables tables;

    @Inject
    Accounts accounts;

    @Inject
    WorkCentres workCentres;

    @Inject
    Ledger ledger;

    @Inject
    Entries entries;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String texts() {
        return EmployeesImport.TEXTS;
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
        example.put("month", YearMonth.now().minusMonths(1).atEndOfMonth());
        example.put("nif", "12345678Z");
        example.put("gross", new BigDecimal("2000.00"));
        example.put("employerContributions", new BigDecimal("613.00"));
        example.put("employeeContributions", new BigDecimal("130.00"));
        example.put("withholding", new BigDecimal("281.80"));
        example.put("net", new BigDecimal("1588.20"));
        return new Template(Map.of(), List.of(example));
    }

    /** One row as the entry needs it. */
    private record Line(int row, YearMonth month, String mapping, PayrollPosting.Cost cost) {
    }

    /** One month's rows: the mapping they name and what each employee costs. */
    private static final class Month {
        final String mapping;
        final int firstRow;
        final Map<String, Integer> nifs = new HashMap<>();
        final List<PayrollPosting.Cost> costs = new ArrayList<>();

        Month(String mapping, int firstRow) {
            this.mapping = mapping;
            this.firstRow = firstRow;
        }
    }

    @Override
    public Run start(ImportReport report) {
        return new Run() {
            private final Map<YearMonth, Month> months = new TreeMap<>();
            private Map<Concept, Account> chart;
            private Set<String> centres;
            private Set<String> nifs;
            private final Map<String, Boolean> mappingExists = new HashMap<>();
            /** The months with a row in error: none of their rows is posted, whatever the mode. */
            private final Set<YearMonth> failedMonths = new HashSet<>();
            /** The month of the row last read, if its cell could be read. */
            private YearMonth current;

            @Override
            public void check(ImportRow row) {
                if (chart == null) {
                    access.enter(tenant.id());
                    chart = chartAccounts();
                    centres = workCentres.cccs(tenant.id());
                    nifs = employees.byNif().keySet();
                }
                if (chart.isEmpty()) {
                    row.error("month", "summary.chart");
                }
                Line line = line(row);
                if (line != null) {
                    check(row, line);
                }
                if (row.failed() && current != null) {
                    failedMonths.add(current);
                }
            }

            private void check(ImportRow row, Line line) {
                if (line.mapping() != null
                        && !mappingExists.computeIfAbsent(line.mapping(), name -> !mappings.of(name).isEmpty())) {
                    row.error("gestoria", "summary.mapping.unknown", line.mapping());
                }
                String centre = line.cost().workCentre().orElse(null);
                if (centre != null && !centres.contains(centre)) {
                    row.error("workCentre", "workCentre.unknown", centre);
                }
                Month month = months.get(line.month());
                if (month == null) {
                    month = new Month(line.mapping(), row.number());
                    months.put(line.month(), month);
                    try {
                        refusePosted(line.month());
                    } catch (HubException posted) {
                        row.error("month", posted);
                    }
                }
                if (!Objects.equals(month.mapping, line.mapping())) {
                    row.error("gestoria", "summary.mapping.differs", line.month(),
                            month.mapping == null ? "-" : month.mapping, month.firstRow);
                }
                String nif = row.text("nif", 20);
                Integer earlier = month.nifs.putIfAbsent(PersonalNif.of("nif", nif).value(), row.number());
                if (earlier != null) {
                    row.error("nif", "summary.repeated", nif, line.month(), earlier);
                }
            }

            @Override
            public void prepareWrite() {
                access.enter(tenant.id());
                ledger.lockBooks();
                chart = chartAccounts();
                months.clear();
            }

            @Override
            public void write(ImportRow row) {
                Line line = line(row);
                if (failedMonths.contains(line.month())) {
                    report.skipped(1);
                    return;
                }
                months.computeIfAbsent(line.month(), m -> new Month(line.mapping(), line.row())).costs.add(line.cost());
            }

            @Override
            public void finish() {
                List<EntryDraft> drafts = new ArrayList<>();
                months.forEach((month, rows) -> {
                    // under the books' lock: another job may have posted the month since this one checked it
                    refusePosted(month);
                    String description = rows.mapping == null ? report.text("summary.description", month)
                            : report.text("summary.description.mapping", month, rows.mapping);
                    drafts.add(entry(chart, rows.mapping == null ? Map.of() : mappings.of(rows.mapping), month,
                            description, document(month), rows.costs));
                });
                if (!drafts.isEmpty()) { // every month skipped, in valid-rows mode
                    ledger.post(drafts, Ledger.SoftLockOverride.NONE);
                }
            }

            /** The row's figures; null, its problems reported, when it has any. */
            private Line line(ImportRow row) {
                String mapping = row.text("gestoria", GestoriaAccount.MAX_NAME_LENGTH);
                LocalDate day = row.requiredDate("month");
                current = day == null ? null : YearMonth.from(day);
                String nifText = row.requiredText("nif", 20);
                if (nifText != null) {
                    try {
                        String nif = PersonalNif.of("nif", nifText).value();
                        if (!nifs.contains(nif)) {
                            row.error("nif", "employee.unknown", nif);
                        }
                    } catch (HubException refused) {
                        row.error("nif", refused);
                    }
                }
                BigDecimal gross = amount(row, "gross");
                BigDecimal compensation = amount(row, "compensation");
                BigDecimal employer = amount(row, "employerContributions");
                BigDecimal benefit = amount(row, "benefitAdvanced");
                BigDecimal employee = amount(row, "employeeContributions");
                BigDecimal withholding = amount(row, "withholding");
                BigDecimal advances = amount(row, "advances");
                BigDecimal net = amount(row, "net");
                String centre = row.text("workCentre", 20);
                if (row.failed()) {
                    return null;
                }
                BigDecimal owed = PayrollPosting.netPay(gross, compensation, benefit, employee, withholding, advances);
                if (owed.compareTo(net) != 0) {
                    row.error("net", "summary.net", net, owed);
                    return null;
                }
                return new Line(row.number(), YearMonth.from(day), mapping,
                        new PayrollPosting.Cost(Optional.ofNullable(centre), Optional.empty(), gross, compensation,
                                employer, benefit, employee, withholding, advances, net));
            }
        };
    }

    /**
     * One month's entry: dated on its last day (the month's pay accrues to it), each concept in the account the mapping
     * gives it, or else in the chart's.
     *
     * @param chart
     *            the accounts of the organisation's chart, {@code PostingAccounts.of(chart)}
     * @param mapping
     *            the accounts of the saved mapping, by concept
     */
    static EntryDraft entry(Map<Concept, Account> chart, Map<Concept, String> mapping, YearMonth month,
            String description, String document, List<PayrollPosting.Cost> costs) {
        Map<Concept, Account> accounts = new EnumMap<>(chart);
        // a mapping the organisation saved cites no legal source: it is the organisation's choice
        mapping.forEach((concept, code) -> accounts.put(concept, new Account(code, null)));
        return PayrollPosting.entry(accounts, month.atEndOfMonth(), description, document, costs);
    }

    /** The document of a month's entry, by which a second summary of the month is recognised. */
    static String document(YearMonth month) {
        return "GESTORIA-" + month;
    }

    /**
     * One entry per organisation and month: a month whose summary is posted, and not reversed, is refused until its
     * entry is reversed.
     *
     * @throws MonthPostedException
     *             naming the entry
     */
    private void refusePosted(YearMonth month) {
        Entries.Filter filter = new Entries.Filter(month.atDay(1), month.atEndOfMonth(), Journal.PAYROLL, null,
                document(month));
        for (Entries.EntryView posted : entries.list(filter, 0, 500).entries()) {
            if (document(month).equals(posted.document()) && posted.reverses() == null && posted.reversedBy() == null) {
                throw new MonthPostedException(month, posted.number(), posted.fiscalYear());
            }
        }
    }

    /** The month's summary is already posted. */
    public static class MonthPostedException extends HubException {
        private static final long serialVersionUID = 1L;

        MonthPostedException(YearMonth month, int number, int year) {
            super(Kind.CONFLICT, "month", "gestoria.month.posted", new Object[] { month.toString(), number, year });
        }
    }

    /** The accounts of the organisation's chart for each concept; empty when it has no chart the file covers. */
    private Map<Concept, Account> chartAccounts() {
        return accounts.chart().map(ChartOfAccounts::getTemplate)
                .flatMap(template -> tables.postingAccounts().of(template)).map(EnumMap::new)
                .orElseGet(() -> new EnumMap<>(Concept.class));
    }

    /** An amount in euros, zero when the cell is empty: not negative, at most to the cent. */
    private static BigDecimal amount(ImportRow row, String key) {
        BigDecimal amount = row.number(key);
        if (amount == null) {
            if (!row.has(key) && isRequired(key)) {
                row.requiredText(key, 1);
            }
            return BigDecimal.ZERO.setScale(2);
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            row.error(key, "summary.amount", amount);
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.setScale(2);
    }

    private static boolean isRequired(String key) {
        return COLUMNS.stream().anyMatch(c -> c.key().equals(key) && c.required());
    }
}
