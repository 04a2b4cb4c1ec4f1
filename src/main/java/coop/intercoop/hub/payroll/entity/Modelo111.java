package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * The self-assessment of withholdings and payments on account of a quarter or month, modelo 111 (Orden EHA/586/2011,
 * BOE-A-2011-4948, art. 1 and anexo I), for the pay a payroll gives: the boxes of "I. Rendimientos del trabajo",
 * monetary (01 number of perceptors, 02 amount of the perceptions, 03 amount of the withholdings) and in kind (04
 * number of perceptors, 05 value of the perceptions in kind, 06 amount of the payments on account), and of the
 * settlement: 28, the sum of withholdings and payments on account of every section (here 03 + 06, the hub filing no
 * other section), 29, what earlier self-assessments of the same period paid (a complementary one only), and 30, the
 * result to pay, 28 less 29.
 * <p>
 * The form is published in the BOE as an image (anexo I): the box numbers are those the form prints, which the stored
 * text cannot show; they are the numbers of the AEAT's current form and instructions, to check against the image.
 * Perceptors are counted once per box however many payments they had (a perceptor of monetary pay and pay in kind
 * counts in 01 and in 04); the incapacity benefit the employer pays under delegated payment is work income of the
 * employee (key A of modelo 190) and counts with the monetary pay. Exempt income (key L) is not subject to withholding
 * and is not declared here (art. 2.1.a: the 111 is filed for the rents subject to withholding).
 */
public record Modelo111(int year, String period, List<Box> boxes) {

    private static final String LABELS = "coop.intercoop.hub.payroll.returns";

    /** A box of the form: its number as the form prints it, and its value (a count has no decimals). */
    public record Box(String number, BigDecimal value) {
    }

    /** A row of the table of boxes, as a spreadsheet shows it: box, label in the reader's language, value. */
    public record Row(String box, String label, BigDecimal value) {
    }

    public Modelo111 {
        boxes = List.copyOf(boxes);
    }

    /**
     * The boxes of a period.
     *
     * @param period
     *            {@code 1T} to {@code 4T} for a quarter, {@code 01} to {@code 12} for a month (Orden EHA/586/2011 art.
     *            3.1: monthly for large companies and public bodies, quarterly for the rest)
     * @param perceptions
     *            what the period's approved runs paid each employee
     * @param earlierResults
     *            for a complementary self-assessment, what earlier ones of the period paid (box 29); else zero
     *
     * @throws InvalidReturnException
     *             for a period that is none, a perception without a valid NIF, a negative withholding or earlier result
     */
    public static Modelo111 of(int year, String period, List<Perception> perceptions, BigDecimal earlierResults) {
        Refusals refusals = new Refusals();
        if (period == null || !period.matches("[1-4]T|0[1-9]|1[0-2]")) {
            refusals.add(new InvalidReturnException("period", "return.period.invalid", String.valueOf(period)));
        }
        if (earlierResults.signum() < 0) {
            refusals.add(new InvalidReturnException("earlierResults", "return.earlier.negative", earlierResults));
        }
        Set<String> monetaryPerceptors = new LinkedHashSet<>();
        Set<String> inKindPerceptors = new LinkedHashSet<>();
        BigDecimal monetary = BigDecimal.ZERO.setScale(2);
        BigDecimal withheld = BigDecimal.ZERO.setScale(2);
        BigDecimal inKind = BigDecimal.ZERO.setScale(2);
        BigDecimal onAccount = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < perceptions.size(); i++) {
            Perception p = perceptions.get(i);
            if (p.nif() == null || p.nif().isBlank()) {
                refusals.add(new InvalidReturnException("nif", "return.perceptor.nif.missing", i + 1,
                        p.name() == null ? "" : p.name().strip()));
                continue;
            }
            if (TaxId.check(p.nif()).isPresent()) {
                refusals.add(new InvalidReturnException("nif", "return.perceptor.nif.invalid", i + 1, p.nif()));
                continue;
            }
            if (p.totalWithheld().signum() < 0) {
                refusals.add(new InvalidReturnException("pay", "return.perceptor.amount.negative", i + 1,
                        p.normalisedNif(), p.totalWithheld()));
            }
            if (p.key() != Perception.Key.A) {
                continue;
            }
            BigDecimal pay = p.pay().monetary().add(p.incapacity().monetary());
            BigDecimal kind = p.pay().inKind().add(p.incapacity().inKind());
            if (pay.signum() != 0) {
                monetaryPerceptors.add(p.normalisedNif());
            }
            if (kind.signum() != 0) {
                inKindPerceptors.add(p.normalisedNif());
            }
            monetary = monetary.add(pay);
            withheld = withheld.add(p.pay().withheld()).add(p.incapacity().withheld());
            inKind = inKind.add(kind);
            onAccount = onAccount.add(p.pay().paidOnAccount()).add(p.incapacity().paidOnAccount());
        }
        refusals.throwIfAny();
        BigDecimal total = withheld.add(onAccount);
        BigDecimal earlier = earlierResults.setScale(2);
        List<Box> boxes = List.of(new Box("01", BigDecimal.valueOf(monetaryPerceptors.size())), new Box("02", monetary),
                new Box("03", withheld), new Box("04", BigDecimal.valueOf(inKindPerceptors.size())),
                new Box("05", inKind), new Box("06", onAccount), new Box("28", total), new Box("29", earlier),
                new Box("30", total.subtract(earlier)));
        return new Modelo111(year, period, boxes);
    }

    /** The value of a box by its number. */
    public BigDecimal box(String number) {
        return boxes.stream().filter(b -> b.number().equals(number)).findFirst().map(Box::value)
                .orElseThrow(() -> new IllegalArgumentException("modelo 111 has no box " + number + " here"));
    }

    /** The boxes as rows {@code box;label;value} for a spreadsheet, labelled in the reader's language. */
    public List<Row> table(Locale language) {
        List<Row> rows = new ArrayList<>();
        for (Box box : boxes) {
            rows.add(new Row(box.number(), HubTexts.format(LABELS, language, "modelo111.box." + box.number()),
                    box.value()));
        }
        return rows;
    }
}
