package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.payroll.entity.SalaryItem;

/**
 * A persisted employee and contract as a run maps them to one employee's month, on the installed tables of
 * {@code config/payroll}: Orden PJC/297/2026 (BOE-A-2026-7296) for the contributions.
 */
class RunInputsTest {

    private static final Map<String, ContractType> TYPES = new PayrollTables("config/payroll").contractTypes();
    private static final PayrollTables TABLES = new PayrollTables("config/payroll");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate BORN = LocalDate.of(1990, 5, 17);

    private static Employee employee() {
        EmployeeData d = new EmployeeData();
        d.nif = "12345678Z";
        d.naf = "281234567840";
        d.firstName = "Ana";
        d.lastName = "García";
        d.secondLastName = "López";
        d.birthDate = BORN;
        d.address = "Calle Mayor 1";
        d.postalCode = "28013";
        d.municipality = "Madrid";
        d.iban = "ES9121000418450200051332";
        d.familySituation = 3;
        return new Employee(d, LocalDate.of(2026, 3, 1));
    }

    private static ContractData.SalaryItemData item(String name, String amount, SalaryItem.Kind kind) {
        ContractData.SalaryItemData item = new ContractData.SalaryItemData();
        item.name = name;
        item.monthlyAmount = new BigDecimal(amount);
        item.kind = kind;
        return item;
    }

    private static EmploymentContract contract(String type, BigDecimal partTime,
            List<ContractData.SalaryItemData> items) {
        ContractData d = new ContractData();
        d.startDate = LocalDate.of(2020, 1, 1);
        d.contractType = type;
        d.partTimeCoefficient = partTime;
        d.contributionGroup = 5;
        d.activityCode = "88";
        d.professionalCategory = "Educadora social";
        d.workCentreId = 7L;
        d.salaryItems = items;
        return new EmploymentContract(1, d, Optional.ofNullable(TYPES.get(type)), BORN);
    }

    @Test
    void anOpenEndedGroup5ContractOn2000GivesTheIssuesFirstExample() {
        // issue 19's first example; order art. 4.a (23,60 + 4,70 %), MEI 0,75 + 0,15 %, unemployment 5,50 + 1,55 %
        RunInputs.Mapped mapped = RunInputs.of(employee(),
                contract("100", null,
                        List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE),
                                item("Complemento de puesto", "500.00", SalaryItem.Kind.COMPLEMENT))),
                TYPES, MARCH, MonthlyPay.SoFar.NONE);
        MonthlyPay.Result result = MonthlyPay.of(MonthlyPay.Rules.of(TABLES, MARCH), mapped.input());
        assertEquals(new BigDecimal("2000.00"), result.gross());
        assertEquals(new BigDecimal("472.00"),
                result.line(MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "common").orElseThrow().amount());
        assertEquals(new BigDecimal("110.00"),
                result.line(MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "unemployment-open-ended").orElseThrow().amount());
        assertEquals(new BigDecimal("130.00"), result.contributions().employee());
        assertEquals(EarningKind.BASE_SALARY, mapped.headings().get("Salario base"));
        assertEquals(EarningKind.SALARY_COMPLEMENT, mapped.headings().get("Complemento de puesto"));
    }

    @Test
    void theContractKeySetsTheKindOfContract() {
        // contract-types.csv: the TGSS keys; substitution, relief and practice by name, the rest by their duration
        assertEquals(ContractKind.OPEN_ENDED, RunInputs.kind(TYPES.get("100")));
        assertEquals(ContractKind.OPEN_ENDED, RunInputs.kind(TYPES.get("300")));
        assertEquals(ContractKind.FIXED_TERM, RunInputs.kind(TYPES.get("402")));
        assertEquals(ContractKind.SUBSTITUTION, RunInputs.kind(TYPES.get("510")));
        assertEquals(ContractKind.RELIEF, RunInputs.kind(TYPES.get("441")));
        assertEquals(ContractKind.PRACTICE, RunInputs.kind(TYPES.get("420")));
    }

    @Test
    void aPartTimeContractIsRefusedNamingTheEmployeeAndTheField() {
        RunDataException refused = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(),
                        contract("200", new BigDecimal("0.5"),
                                List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE))),
                        TYPES, MARCH, MonthlyPay.SoFar.NONE));
        assertEquals("partTimeCoefficient", refused.field());
        assertEquals("Ana García López: a part-time contract needs the hours worked in the month, which the hub does"
                + " not record yet; the run cannot calculate it.", refused.message(Locale.ENGLISH));
    }

    @Test
    void aContractWithoutSalaryItemsIsRefusedNamingTheEmployee() {
        RunDataException refused = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(), contract("100", null, List.of()), TYPES, MARCH, MonthlyPay.SoFar.NONE));
        assertEquals("salaryItems", refused.field());
        assertEquals("Ana García López: el contrato no tiene conceptos salariales.",
                refused.message(Locale.forLanguageTag("es")));
    }
}
