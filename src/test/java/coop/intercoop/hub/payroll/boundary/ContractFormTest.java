package coop.intercoop.hub.payroll.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.payroll.entity.Source;

/** The portal's contract form: what it gives the control is what the person read and changed, item by item. */
class ContractFormTest {

    private static final ContractType PART_TIME = new ContractType("502", "Circunstancias de la producción, TP",
            ContractType.Duration.FIXED_TERM, ContractType.WorkingTime.PART,
            new Source("BOE-A-2001-13506", Source.Status.DERIVED));

    private static EmploymentContract contract() {
        ContractData d = new ContractData();
        d.startDate = LocalDate.of(2026, 1, 1);
        d.endDate = LocalDate.of(2026, 6, 30);
        d.contractType = "502";
        d.partTimeCoefficient = new BigDecimal("0.5");
        d.contributionGroup = 5;
        d.occupationLetter = "a";
        d.agreementCode = "99015725012012";
        d.professionalCategory = "Técnica de integración social";
        d.workCentreId = 7L;
        ContractData.SalaryItemData base = new ContractData.SalaryItemData();
        base.name = "Salario base";
        base.monthlyAmount = new BigDecimal("800");
        base.kind = SalaryItem.Kind.BASE;
        ContractData.SalaryItemData transport = new ContractData.SalaryItemData();
        transport.name = "Dietas de desplazamiento";
        transport.monthlyAmount = new BigDecimal("40");
        transport.kind = SalaryItem.Kind.OTHER;
        transport.contributes = false;
        transport.taxed = false;
        transport.exemptSubkey = 1;
        transport.until = "2026-03";
        d.salaryItems = List.of(base, transport);
        return new EmploymentContract(3, d, Optional.of(PART_TIME), LocalDate.of(1990, 5, 17));
    }

    @Test
    void aNewFormOffersTheBaseSalaryToFillIn() {
        ContractForm form = new ContractForm();
        assertTrue(form.isNew());
        assertEquals(1, form.getItems().size());
        assertEquals(SalaryItem.Kind.BASE, form.getItems().get(0).getKind());
        assertNull(form.version);
    }

    @Test
    void aContractReadIsGivenBackAsItWasWithItsVersionAndEveryItem() {
        EmploymentContract read = contract();
        ContractForm form = ContractForm.of(read);
        assertFalse(form.isNew());
        assertEquals(read.getVersion(), form.version);
        ContractData data = form.data();
        assertEquals(LocalDate.of(2026, 1, 1), data.startDate);
        assertEquals(LocalDate.of(2026, 6, 30), data.endDate);
        assertEquals("502", data.contractType);
        assertEquals(0, new BigDecimal("0.5").compareTo(data.partTimeCoefficient));
        assertEquals(5, data.contributionGroup);
        assertEquals(read.getOccupationLetter(), data.occupationLetter);
        assertEquals("Técnica de integración social", data.professionalCategory);
        assertEquals(7L, data.workCentreId);
        assertEquals(List.of("Salario base", "Dietas de desplazamiento"),
                data.salaryItems.stream().map(i -> i.name).toList());
        ContractData.SalaryItemData transport = data.salaryItems.get(1);
        assertEquals(0, new BigDecimal("40").compareTo(transport.monthlyAmount));
        assertEquals(SalaryItem.Kind.OTHER, transport.kind);
        assertFalse(transport.contributes);
        assertFalse(transport.taxed);
        assertEquals(1, transport.exemptSubkey);
        assertEquals("2026-03", form.getItems().get(1).getUntil());
        assertNull(form.getItems().get(1).getFrom());
        assertEquals("2026-03", transport.until);
    }

    @Test
    void anItemAddedOrRemovedOnTheFormIsWhatTheControlGets() {
        ContractForm form = ContractForm.of(contract());
        form.removeItem(form.getItems().get(1));
        form.addItem();
        form.getItems().get(1).setName("Complemento de puesto");
        form.getItems().get(1).setMonthlyAmount(new BigDecimal("120.50"));
        List<ContractData.SalaryItemData> items = form.data().salaryItems;
        assertEquals(List.of("Salario base", "Complemento de puesto"), items.stream().map(i -> i.name).toList());
        assertEquals(SalaryItem.Kind.COMPLEMENT, items.get(1).kind);
        assertTrue(items.get(1).contributes && items.get(1).taxed);
    }
}
