package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.InvalidReturnException;
import coop.intercoop.hub.payroll.entity.Modelo190Design;
import coop.intercoop.hub.payroll.entity.Modelo190Design.Field;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * The annual summary of withholdings, modelo 190, as the AEAT's fixed-width file (Orden EHA/3127/2009,
 * BOE-A-2009-18567, anexo II, as amended up to Orden HAC/1431/2025, BOE-A-2025-25390): one declarant record (type 1)
 * then one perceptor record (type 2) per perception, "primero el de tipo 1 y a continuación los del tipo 2", each of
 * {@value Modelo190Design#RECORD_LENGTH} characters in ISO-8859-1, followed by CR LF. Where each field goes is the
 * design table {@code modelo-190-design.csv} ({@link Modelo190Design}); what goes in it is here:
 * <ul>
 * <li>the declarant record's number of perceptions (positions 136-144) is the number of type 2 records, and its totals
 * are the sums the design names: the perceptions of positions 82-94, 109-121, 256-268 and 283-295 of every type 2
 * record, refunds counted negative (145-160, with sign N when the sum is negative), and the withholdings and payments
 * on account of positions 95-107, 122-134, 269-281 and 296-308 (161-175);</li>
 * <li>amounts are written in cents without sign; a negative pay is a refund of pay of an earlier year, written with
 * sign N in positions 81, 108, 255 or 282 ("cantidades reintegradas por el perceptor");</li>
 * <li>the additional data of positions 153-254 (the modelo 145 situation, RIRPF art. 88) and the incapacity benefit of
 * 255-321 are written for key A only; for key L every such field is left empty, except the deductible expenses of
 * subkeys 05 and 10, which the design allows;</li>
 * <li>a NIF is written right-aligned with zeros; a name in capitals without accents, cut at the field's 40
 * positions.</li>
 * </ul>
 * Nothing is written when any perception is refused: every refusal of the input is gathered and thrown together.
 */
public final class Modelo190File {

    public static final Charset ENCODING = StandardCharsets.ISO_8859_1;
    static final String MODEL = "190";
    /** Transmisión telemática (record 1, position 58). */
    static final String TELEMATIC = "T";
    static final String REFUND = "N";
    private static final String BUNDLE = "coop.intercoop.hub.payroll.refusals";

    private final List<String> records;
    private final BigDecimal totalPay;
    private final BigDecimal totalWithheld;

    private Modelo190File(List<String> records, BigDecimal totalPay, BigDecimal totalWithheld) {
        this.records = List.copyOf(records);
        this.totalPay = totalPay;
        this.totalWithheld = totalWithheld;
    }

    /**
     * Draws up the file of a year's return.
     *
     * @param design
     *            the design in force for the year ({@link PayrollTables#modelo190(int)})
     *
     * @throws InvalidReturnException
     *             with every refusal of the declarant and the perceptions: a NIF missing or invalid, an amount too
     *             large for its field, a code the design does not have
     */
    public static Modelo190File write(Modelo190Design.Layout design, Declarant declarant,
            List<Perception> perceptions) {
        int year = design.year();
        Refusals refusals = new Refusals();
        declarant.check(refusals);
        if (declarant.contactEmail() != null && !ENCODING.newEncoder().canEncode(declarant.contactEmail())) {
            refusals.add(new InvalidReturnException("contactEmail", "return.declarant.email.invalid",
                    declarant.contactEmail()));
        }
        if (perceptions.isEmpty()) {
            refusals.add(new InvalidReturnException("perceptions", "return.perceptions.none"));
        }
        for (int i = 0; i < perceptions.size(); i++) {
            perceptions.get(i).check(i + 1, year, refusals);
        }
        refusals.throwIfAny();
        List<String> perceptorRecords = new ArrayList<>();
        BigDecimal pay = BigDecimal.ZERO.setScale(2);
        BigDecimal withheld = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < perceptions.size(); i++) {
            Perception perception = perceptions.get(i);
            perceptorRecords.add(perceptorRecord(design, declarant, perception, i + 1, refusals));
            pay = pay.add(perception.totalPay());
            withheld = withheld.add(perception.totalWithheld());
        }
        refusals.throwIfAny();
        List<String> records = new ArrayList<>();
        records.add(declarantRecord(design, declarant, perceptions.size(), pay, withheld, refusals));
        refusals.throwIfAny();
        records.addAll(perceptorRecords);
        return new Modelo190File(records, pay, withheld);
    }

    /** The records, declarant first, each of {@value Modelo190Design#RECORD_LENGTH} characters. */
    public List<String> records() {
        return records;
    }

    /** The sum of all perceptions the declarant record states, refunds negative. */
    public BigDecimal totalPay() {
        return totalPay;
    }

    /** The sum of all withholdings and payments on account the declarant record states. */
    public BigDecimal totalWithheld() {
        return totalWithheld;
    }

    /** The file to file: every record followed by CR LF, in ISO-8859-1. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(records.size() * (Modelo190Design.RECORD_LENGTH + 2));
        for (String record : records) {
            text.append(record).append("\r\n");
        }
        return text.toString().getBytes(ENCODING);
    }

    private static String declarantRecord(Modelo190Design.Layout design, Declarant declarant, int count, BigDecimal pay,
            BigDecimal withheld, Refusals refusals) {
        FixedRecord record = new FixedRecord().empty(design.declarant().values());
        record.number(design.declarant("record-type"), Modelo190Design.DECLARANT).put(design.declarant("model"), MODEL)
                .number(design.declarant("year"), design.year())
                .put(design.declarant("declarant-nif"), declarant.normalisedNif())
                .put(design.declarant("declarant-name"), declarant.name()).put(design.declarant("medium"), TELEMATIC)
                .put(design.declarant("contact-phone"), text(declarant.contactPhone()))
                .put(design.declarant("contact-name"), text(declarant.contactName()))
                .put(design.declarant("declaration-id"), declarant.declarationId().strip())
                .put(design.declarant("complementary"), declarant.filing() == Declarant.Filing.COMPLEMENTARY ? "C" : "")
                .put(design.declarant("substitutive"), declarant.filing() == Declarant.Filing.SUBSTITUTIVE ? "S" : "")
                .put(design.declarant("previous-declaration-id"),
                        declarant.filing() == Declarant.Filing.FIRST ? "" : declarant.previousId().strip());
        Field email = design.declarant("contact-email");
        try {
            record.put(email, text(declarant.contactEmail()));
        } catch (FixedRecord.TooLongException e) {
            refusals.add(new InvalidReturnException("contactEmail", "return.declarant.email.long",
                    declarant.contactEmail(), email.width()));
        }
        total(record, design.declarant("perception-count"), BigDecimal.valueOf(count), refusals);
        record.put(design.declarant("perceptions-sign"), pay.signum() < 0 ? REFUND : "");
        total(record, design.declarant("perceptions-total"), pay, refusals);
        total(record, design.declarant("withholdings-total"), withheld, refusals);
        return record.toString();
    }

    private static void total(FixedRecord record, Field field, BigDecimal value, Refusals refusals) {
        try {
            if (value.scale() == 0) {
                record.number(field, value.longValueExact());
            } else {
                record.amount(field, value);
            }
        } catch (FixedRecord.TooLongException e) {
            refusals.add(new InvalidReturnException("perceptions", "return.total.large", value,
                    new HubTexts.Text(BUNDLE, "return.field." + field.name()), field.width()));
        }
    }

    private static String perceptorRecord(Modelo190Design.Layout design, Declarant declarant, Perception p, int number,
            Refusals refusals) {
        FixedRecord record = new FixedRecord().empty(design.perceptor().values());
        record.number(design.perceptor("record-type"), Modelo190Design.PERCEPTOR).put(design.perceptor("model"), MODEL)
                .number(design.perceptor("year"), design.year())
                .put(design.perceptor("declarant-nif"), declarant.normalisedNif())
                .put(design.perceptor("perceptor-nif"), p.normalisedNif())
                .put(design.perceptor("representative-nif"),
                        p.representativeNif() == null ? "" : TaxId.normalise(p.representativeNif()))
                .put(design.perceptor("perceptor-name"), p.name()).put(design.perceptor("province"), p.province())
                .put(design.perceptor("key"), p.key().name()).number(design.perceptor("subkey"), p.subkey())
                .number(design.perceptor("accrual-year"), p.accrualYear() == null ? 0 : p.accrualYear())
                .number(design.perceptor("ceuta-melilla"), p.territory().code);
        Amounts amounts = new Amounts(design, record, p, number, refusals);
        amounts.signed("monetary-sign", "monetary", p.pay().monetary());
        amounts.put("withheld", p.pay().withheld());
        amounts.signed("in-kind-sign", "in-kind", p.pay().inKind());
        amounts.put("paid-on-account", p.pay().paidOnAccount());
        amounts.put("passed-on", p.pay().passedOn());
        amounts.put("deductible-expenses", p.deductions().expenses());
        if (p.key() == Perception.Key.A) {
            situation(design, record, p.situation());
            amounts.put("reductions", p.deductions().reductions());
            amounts.put("compensatory-pension", p.deductions().compensatoryPension());
            amounts.put("child-support", p.deductions().childSupport());
            amounts.signed("incapacity-sign", "incapacity-monetary", p.incapacity().monetary());
            amounts.put("incapacity-withheld", p.incapacity().withheld());
            amounts.signed("incapacity-in-kind-sign", "incapacity-in-kind", p.incapacity().inKind());
            amounts.put("incapacity-paid-on-account", p.incapacity().paidOnAccount());
            amounts.put("incapacity-passed-on", p.incapacity().passedOn());
            record.number(design.perceptor("startup-shares-excess"), p.startupSharesExcess() ? 1 : 0)
                    .number(design.perceptor("fund-management"), p.fundManagement() ? 1 : 0);
        }
        return record.toString();
    }

    /** The additional data of key A: what the employee communicated on modelo 145 (anexo II, 153-170, 223-254). */
    private static void situation(Modelo190Design.Layout design, FixedRecord record, Perception.Situation s) {
        Perception.Descendants d = s.descendants();
        Perception.Ascendants a = s.ascendants();
        record.number(design.perceptor("birth-year"), s.birthYear())
                .number(design.perceptor("family-situation"), s.family())
                .put(design.perceptor("spouse-nif"),
                        s.family() == 2 && s.spouseNif() != null ? TaxId.normalise(s.spouseNif()) : "")
                .number(design.perceptor("disability"), s.disabilityCode())
                .number(design.perceptor("contract"), s.contract())
                .number(design.perceptor("mobility"), s.mobility() ? 1 : 0)
                .number(design.perceptor("home-loan"), s.homeLoan() ? 1 : 0);
        count(design, record, "descendants-under-3", d.under3());
        count(design, record, "descendants-rest", d.rest());
        count(design, record, "descendants-disabled", d.disabled());
        count(design, record, "descendants-assisted", d.assisted());
        count(design, record, "descendants-severe", d.severe());
        count(design, record, "ascendants-under-75", a.under75());
        count(design, record, "ascendants-75", a.over75());
        count(design, record, "ascendants-disabled", a.disabled());
        count(design, record, "ascendants-assisted", a.assisted());
        count(design, record, "ascendants-severe", a.severe());
        List<String> children = List.of("first-child", "second-child", "third-child");
        for (int i = 0; i < d.firstThree().size(); i++) {
            record.number(design.perceptor(children.get(i)), d.firstThree().get(i).code);
        }
    }

    private static void count(Modelo190Design.Layout design, FixedRecord record, String field, Perception.Count count) {
        record.number(design.perceptor(field), count.total()).number(design.perceptor(field + "-whole"), count.whole());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Writes a perception's amounts, refusing one too large for its field by the perceptor and the field. */
    private record Amounts(Modelo190Design.Layout design, FixedRecord record, Perception perception, int number,
            Refusals refusals) {

        void signed(String sign, String field, BigDecimal value) {
            record.put(design.perceptor(sign), value.signum() < 0 ? REFUND : "");
            put(field, value);
        }

        void put(String name, BigDecimal value) {
            Field field = design.perceptor(name);
            try {
                record.amount(field, value);
            } catch (FixedRecord.TooLongException e) {
                refusals.add(new InvalidReturnException("pay", "return.perceptor.amount.large", number,
                        perception.normalisedNif(), value, new HubTexts.Text(BUNDLE, "return.field." + name),
                        field.width()));
            }
        }
    }
}
