package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Refusals;

/**
 * The certificate of withholdings and payments on account an employer gives each employee for a year (certificado de
 * retenciones e ingresos a cuenta): Reglamento del IRPF (Real Decreto 439/2007, BOE-A-2007-6820) art. 108.3, "deberá
 * expedir en favor del contribuyente certificación acreditativa de las retenciones practicadas o de los ingresos a
 * cuenta efectuados, así como de los restantes datos referentes al contribuyente que deben incluirse en la declaración
 * anual", which are those of art. 108.2 as modelo 190 asks them: (a) name and (b) NIF, (c) the income by key, with its
 * accrual year and the exempt income and allowances, (d) the reductions, (e) the deductible expenses, (f) the personal
 * and family situation considered for the rate, (g) the compensatory pension and child support considered, (h) the
 * home-loan communication, (i) the withholdings and payments on account, (j) the refunds of pay of earlier years. It
 * must be available before the period of the income tax return opens (art. 108.3, second paragraph).
 * <p>
 * This is its content and a plain-text form of it in the employee's language; the PDF is drawn from the same record.
 */
public record WithholdingCertificate(int year, Declarant payer, String nif, String name, List<Perception> perceptions,
        LocalDate issued) {

    private static final String TEXTS = "coop.intercoop.hub.payroll.returns";

    public WithholdingCertificate {
        perceptions = List.copyOf(perceptions);
    }

    /**
     * One certificate per perceptor of the year's perceptions, in the order they first appear.
     *
     * @throws InvalidReturnException
     *             with every refusal of the payer and the perceptions, as modelo 190 refuses them
     */
    public static List<WithholdingCertificate> of(int year, Declarant payer, List<Perception> perceptions,
            LocalDate issued) {
        Refusals refusals = new Refusals();
        payer.check(refusals);
        for (int i = 0; i < perceptions.size(); i++) {
            perceptions.get(i).check(i + 1, year, refusals);
        }
        refusals.throwIfAny();
        Map<String, List<Perception>> byNif = new LinkedHashMap<>();
        for (Perception p : perceptions) {
            byNif.computeIfAbsent(p.normalisedNif(), nif -> new ArrayList<>()).add(p);
        }
        List<WithholdingCertificate> certificates = new ArrayList<>();
        byNif.forEach((nif, own) -> certificates
                .add(new WithholdingCertificate(year, payer, nif, own.get(0).name().strip(), own, issued)));
        return certificates;
    }

    /** All pay of the year, monetary, in kind and incapacity benefit, refunds negative, exempt income included. */
    public BigDecimal totalPay() {
        return perceptions.stream().map(Perception::totalPay).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** All withholdings and payments on account of the year. */
    public BigDecimal totalWithheld() {
        return perceptions.stream().map(Perception::totalWithheld).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The certificate as plain text in the reader's language, one statement per line. */
    public String text(Locale language) {
        List<String> lines = new ArrayList<>();
        lines.add(say(language, "certificate.title", year));
        lines.add(say(language, "certificate.rule"));
        lines.add(say(language, "certificate.payer", payer.name().strip(), payer.normalisedNif()));
        lines.add(say(language, "certificate.perceptor", name, nif));
        for (Perception p : perceptions) {
            lines.add("");
            lines.add(p.key() == Perception.Key.A ? say(language, "certificate.key.A")
                    : say(language, "certificate.key.L", p.subkey()));
            if (p.accrualYear() != null) {
                lines.add(say(language, "certificate.accrual", p.accrualYear()));
            }
            Perception.Amounts pay = p.pay();
            lines.add(say(language, "certificate.monetary", pay.monetary(), pay.withheld()));
            if (pay.inKind().signum() != 0 || pay.paidOnAccount().signum() != 0) {
                lines.add(say(language, "certificate.inKind", pay.inKind(), pay.paidOnAccount(), pay.passedOn()));
            }
            if (!p.incapacity().isNone()) {
                Perception.Amounts it = p.incapacity();
                lines.add(say(language, "certificate.incapacity", it.monetary(), it.withheld()));
                if (it.inKind().signum() != 0) {
                    lines.add(say(language, "certificate.incapacity.inKind", it.inKind(), it.paidOnAccount(),
                            it.passedOn()));
                }
            }
            if (p.totalPay().signum() < 0) {
                lines.add(say(language, "certificate.refund"));
            }
            Perception.Deductions d = p.deductions();
            if (p.key() == Perception.Key.A || d.expenses().signum() != 0) {
                lines.add(say(language, "certificate.expenses", d.expenses()));
            }
            if (p.key() == Perception.Key.A) {
                lines.add(say(language, "certificate.reductions", d.reductions()));
                lines.add(say(language, "certificate.courtOrders", d.compensatoryPension(), d.childSupport()));
                situation(language, p.situation(), lines);
            }
        }
        lines.add("");
        lines.add(say(language, "certificate.total", totalPay(), totalWithheld()));
        lines.add(say(language, "certificate.issued", issued));
        return String.join("\n", lines) + "\n";
    }

    private static void situation(Locale language, Perception.Situation s, List<String> lines) {
        lines.add(say(language, "certificate.situation", s.birthYear(), s.family(),
                s.spouseNif() == null || s.family() != 2 ? "-" : s.spouseNif().strip(), s.disabilityDegree(),
                s.contract(), s.mobility() ? 1 : 0));
        Perception.Descendants d = s.descendants();
        lines.add(say(language, "certificate.descendants", d.under3().total(), d.under3().whole(), d.rest().total(),
                d.rest().whole(), d.disabled().total() + d.assisted().total() + d.severe().total()));
        Perception.Ascendants a = s.ascendants();
        lines.add(say(language, "certificate.ascendants", a.under75().total(), a.over75().total(),
                a.disabled().total() + a.assisted().total() + a.severe().total()));
        lines.add(say(language, s.homeLoan() ? "certificate.homeLoan.yes" : "certificate.homeLoan.no"));
    }

    private static String say(Locale language, String key, Object... arguments) {
        return HubTexts.format(TEXTS, language, key, arguments);
    }
}
