package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * What an organisation paid one perceptor in a year (or a quarter, a month) under one perception key and subkey, as the
 * approved payroll runs give it: the data of one perceptor record of modelo 190 (Orden EHA/3127/2009, BOE-A-2009-18567,
 * anexo II, record 2), which are also those of the employee's withholding certificate (Reglamento del IRPF art. 108.3)
 * and, summed, the boxes of modelo 111. A perceptor paid under two keys, two contract types or for two accrual years
 * has one perception for each (anexo II, positions 79-80, 148-151 and 168).
 *
 * @param nif
 *            the perceptor's NIF (positions 18-26)
 * @param representativeNif
 *            the NIF of the legal representative of a perceptor under 14 (27-35), or null
 * @param name
 *            first surname, second surname and name, in that order (36-75)
 * @param province
 *            the two-digit code of the province of residence (76-77): 01 to 53, or 98 for a taxpayer resident abroad
 * @param key
 *            the perception key (78)
 * @param subkey
 *            the subkey (79-80); 0 for key A, which has none
 * @param pay
 *            monetary pay and withholding, in-kind pay and payments on account, other than incapacity benefit (81-147);
 *            a negative pay is a refund of pay unduly received in an earlier year (sign N)
 * @param incapacity
 *            the incapacity (IT) benefit paid by the employer under delegated payment, key A only (255-321)
 * @param accrualYear
 *            for arrears or refunds, the year the pay accrued (148-151); else null
 * @param territory
 *            whether the rate was set for income in Ceuta or Melilla, or La Palma (152)
 * @param situation
 *            the modelo 145 data the perceptor communicated (153-170, 223-254), key A only; null for other keys
 * @param deductions
 *            reductions, deductible expenses, compensatory pension and child support considered for the rate (171-222)
 * @param startupSharesExcess
 *            whether the in-kind pay includes start-up shares beyond the exempt amount (388), key A
 * @param fundManagement
 *            whether the pay includes income of managing funds of Ley 35/2006 additional provision 53 (389), key A
 */
public record Perception(String nif, String representativeNif, String name, String province, Key key, int subkey,
        Amounts pay, Amounts incapacity, Integer accrualYear, Territory territory, Situation situation,
        Deductions deductions, boolean startupSharesExcess, boolean fundManagement) {

    /**
     * The perception keys this hub files: A, employees' pay under the general procedure of RIRPF art. 82, including
     * incapacity benefit paid by the employer under delegated payment; L, exempt income and travel allowances.
     */
    public enum Key {
        A, L
    }

    /** The subkeys of key L in the design for the return of 2025 (01 to 31 and 99, as amended up to 2023). */
    private static final int L_LAST_SUBKEY = 31;
    private static final int L_OTHER = 99;
    /**
     * Whose additional data may hold deductible expenses although exempt (positions 184-196): Orden HAC/1417/2018,
     * BOE-A-2018-17997, art. tercero.Dos, subkeys 05, 10 and 27.
     */
    private static final Set<Integer> L_WITH_EXPENSES = Set.of(5, 10, 27);

    /** Where the rate was set for (anexo II, position 152, as BOE-A-2024-26484 art. único.dos words it). */
    public enum Territory {
        COMMON(0), CEUTA_MELILLA(1), LA_PALMA(2);

        public final int code;

        Territory(int code) {
            this.code = code;
        }
    }

    /** Amounts of one kind of pay: euros with two decimals. */
    public record Amounts(BigDecimal monetary, BigDecimal withheld, BigDecimal inKind, BigDecimal paidOnAccount,
            BigDecimal passedOn) {

        public static final Amounts NONE = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);

        public Amounts {
            monetary = cents(monetary);
            withheld = cents(withheld);
            inKind = cents(inKind);
            paidOnAccount = cents(paidOnAccount);
            passedOn = cents(passedOn);
        }

        /** Monetary pay and its withholding. */
        public static Amounts monetary(BigDecimal pay, BigDecimal withheld) {
            return new Amounts(pay, withheld, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        /** These amounts with in-kind pay, its payment on account, and what of it was passed on to the employee. */
        public Amounts withInKind(BigDecimal value, BigDecimal onAccount, BigDecimal passed) {
            return new Amounts(monetary, withheld, value, onAccount, passed);
        }

        public Amounts plus(Amounts other) {
            return new Amounts(monetary.add(other.monetary), withheld.add(other.withheld), inKind.add(other.inKind),
                    paidOnAccount.add(other.paidOnAccount), passedOn.add(other.passedOn));
        }

        public boolean isNone() {
            return monetary.signum() == 0 && withheld.signum() == 0 && inKind.signum() == 0
                    && paidOnAccount.signum() == 0 && passedOn.signum() == 0;
        }
    }

    /** Reductions (Ley 35/2006 art. 18.2 and 18.3), expenses (art. 19.2.a-c), court-ordered payments. */
    public record Deductions(BigDecimal reductions, BigDecimal expenses, BigDecimal compensatoryPension,
            BigDecimal childSupport) {

        public static final Deductions NONE = new Deductions(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);

        public Deductions {
            reductions = cents(reductions);
            expenses = cents(expenses);
            compensatoryPension = cents(compensatoryPension);
            childSupport = cents(childSupport);
        }

        /** Only the employee's Social Security contributions, the usual deductible expense of key A. */
        public static Deductions contributions(BigDecimal contributions) {
            return new Deductions(BigDecimal.ZERO, contributions, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** How many of some relatives give the right to a minimum, and how many of them are counted whole, not by half. */
    public record Count(int total, int whole) {

        public static final Count NONE = new Count(0, 0);

        boolean valid(int most) {
            return total >= 0 && whole >= 0 && whole <= total && total <= most;
        }
    }

    /** Whether one of the first three children is counted whole or by half (anexo II, positions 251-253). */
    public enum Share {
        WHOLE(1), HALF(2);

        public final int code;

        Share(int code) {
            this.code = code;
        }
    }

    /** The descendants of Ley 35/2006 arts. 58 and 60.2 (anexo II, positions 223-240 and 251-253). */
    public record Descendants(Count under3, Count rest, Count disabled, Count assisted, Count severe,
            List<Share> firstThree) {

        public static final Descendants NONE = new Descendants(Count.NONE, Count.NONE, Count.NONE, Count.NONE,
                Count.NONE, List.of());

        public Descendants {
            firstThree = List.copyOf(firstThree);
        }
    }

    /** The ascendants of Ley 35/2006 arts. 59 and 60.2 (anexo II, positions 241-250). */
    public record Ascendants(Count under75, Count over75, Count disabled, Count assisted, Count severe) {

        public static final Ascendants NONE = new Ascendants(Count.NONE, Count.NONE, Count.NONE, Count.NONE,
                Count.NONE);
    }

    /**
     * The personal and family situation the employee communicated on modelo 145 (RIRPF art. 88), as the 190 asks it.
     *
     * @param family
     *            1 single, widowed, divorced or separated with children living only with them; 2 married with a spouse
     *            earning no more than the limit of RIRPF art. 81.1 situation 2; 3 any other or not communicated
     * @param spouseNif
     *            the spouse's NIF in situation 2, else null
     * @param disabilityDegree
     *            the recognised degree of disability in percent, 0 for none
     * @param assistance
     *            whether the perceptor needs the help of others or has reduced mobility
     * @param contract
     *            1 general; 2 under one year or the special relationship of artists; 3 other special dependent
     *            relationships; 4 daily manual workers (as BOE-A-2023-24414 art. 1.once words codes 2 and 3)
     * @param homeLoan
     *            whether the rate was lowered two points for a pre-2013 home loan at some time of the year
     */
    public record Situation(int birthYear, int family, String spouseNif, int disabilityDegree, boolean assistance,
            int contract, boolean mobility, Descendants descendants, Ascendants ascendants, boolean homeLoan) {

        public Situation {
            descendants = descendants == null ? Descendants.NONE : descendants;
            ascendants = ascendants == null ? Ascendants.NONE : ascendants;
        }

        /** Situation 3 without relatives, disability, mobility or home loan, under the given contract type. */
        public static Situation alone(int birthYear, int contract) {
            return new Situation(birthYear, 3, null, 0, false, contract, false, Descendants.NONE, Ascendants.NONE,
                    false);
        }

        /**
         * The design's code of the disability (anexo II, position 167): 0 below 33 %, 1 from 33 % to under 65 %, 2 the
         * same with help of others or reduced mobility, 3 from 65 %.
         */
        public int disabilityCode() {
            if (disabilityDegree >= 65) {
                return 3;
            }
            if (disabilityDegree >= 33) {
                return assistance ? 2 : 1;
            }
            return 0;
        }
    }

    public Perception {
        pay = pay == null ? Amounts.NONE : pay;
        incapacity = incapacity == null ? Amounts.NONE : incapacity;
        territory = territory == null ? Territory.COMMON : territory;
        deductions = deductions == null ? Deductions.NONE : deductions;
    }

    /** An employee's pay of the year under key A, with the employee's contributions as deductible expenses. */
    public static Perception employee(String nif, String name, String province, Amounts pay, Situation situation,
            BigDecimal contributions) {
        return new Perception(nif, null, name, province, Key.A, 0, pay, Amounts.NONE, null, Territory.COMMON, situation,
                Deductions.contributions(contributions), false, false);
    }

    /**
     * The one rule of how an item of pay is declared: pay subject to withholding under key A, with no subkey; pay that
     * is not (exempt income, travel allowances excepted from tax: Ley 35/2006 arts. 7 and 17.1.d) under key L with the
     * subkey of its kind (Orden EHA/3127/2009 anexo II, record 2, positions 79-80), which the item names. The
     * contract's items, the month's items and a run's reading of both ask it.
     *
     * @param subkey
     *            the key L subkey the item names, or null
     *
     * @return the refusal's key, if the item breaks the rule: an untaxed item without a subkey, a subkey the design
     *         does not have, a taxed item with a subkey
     */
    public static Optional<String> exemptSubkeyRefusal(boolean taxed, Integer subkey) {
        if (taxed) {
            return subkey == null ? Optional.empty() : Optional.of("exempt.subkey.taxed");
        }
        if (subkey == null) {
            return Optional.of("exempt.subkey.required");
        }
        return validSubkey(Key.L, subkey) ? Optional.empty() : Optional.of("exempt.subkey.invalid");
    }

    /** Exempt income or travel allowances of an L subkey, paid in money. */
    public static Perception exempt(String nif, String name, String province, int subkey, BigDecimal amount) {
        return new Perception(nif, null, name, province, Key.L, subkey, Amounts.monetary(amount, BigDecimal.ZERO),
                Amounts.NONE, null, Territory.COMMON, null, Deductions.NONE, false, false);
    }

    /** This perception with the incapacity benefit the employer paid under delegated payment. */
    public Perception withIncapacity(Amounts benefit) {
        return new Perception(nif, representativeNif, name, province, key, subkey, pay, benefit, accrualYear, territory,
                situation, deductions, startupSharesExcess, fundManagement);
    }

    /** This perception as arrears or a refund of pay accrued in an earlier year. */
    public Perception accruedIn(int year) {
        return new Perception(nif, representativeNif, name, province, key, subkey, pay, incapacity, year, territory,
                situation, deductions, startupSharesExcess, fundManagement);
    }

    /** The NIF as the design writes it: capitals, without spaces or dashes. */
    public String normalisedNif() {
        return nif == null ? "" : TaxId.normalise(nif);
    }

    /** All pay, monetary and in kind, incapacity benefit included, as the declarant record sums it. */
    public BigDecimal totalPay() {
        return pay.monetary().add(pay.inKind()).add(incapacity.monetary()).add(incapacity.inKind());
    }

    /** All withholdings and payments on account, as the declarant record sums them. */
    public BigDecimal totalWithheld() {
        return pay.withheld().add(pay.paidOnAccount()).add(incapacity.withheld()).add(incapacity.paidOnAccount());
    }

    /**
     * Adds a refusal for each thing a perceptor record of the year cannot hold.
     *
     * @param number
     *            the perception's position in the return, from 1, to name it in the refusal
     */
    public void check(int number, int year, Refusals refusals) {
        String who = name == null || name.isBlank() ? normalisedNif() : name.strip();
        if (nif == null || nif.isBlank()) {
            refusals.add(new InvalidReturnException("nif", "return.perceptor.nif.missing", number, who));
        } else if (TaxId.check(nif).isPresent()) {
            refusals.add(new InvalidReturnException("nif", "return.perceptor.nif.invalid", number, nif));
        }
        if (representativeNif != null && !representativeNif.isBlank() && TaxId.check(representativeNif).isPresent()) {
            refusals.add(new InvalidReturnException("representativeNif", "return.perceptor.nif.invalid", number,
                    representativeNif));
        }
        if (name == null || name.isBlank()) {
            refusals.add(new InvalidReturnException("name", "return.perceptor.name.missing", number, who));
        }
        if (province == null || !province.matches("\\d{2}") || !validProvince(Integer.parseInt(province))) {
            refusals.add(new InvalidReturnException("province", "return.perceptor.province.invalid", number, who,
                    String.valueOf(province)));
        }
        if (key == null) {
            refusals.add(new InvalidReturnException("key", "return.perceptor.key.missing", number, who));
            return;
        }
        if (!validSubkey()) {
            refusals.add(new InvalidReturnException("subkey", "return.perceptor.subkey.invalid", number, who,
                    key.name(), subkey));
        }
        for (BigDecimal taken : List.of(pay.withheld(), pay.paidOnAccount(), pay.passedOn(), incapacity.withheld(),
                incapacity.paidOnAccount(), incapacity.passedOn(), deductions.reductions(), deductions.expenses(),
                deductions.compensatoryPension(), deductions.childSupport())) {
            if (taken.signum() < 0) {
                refusals.add(new InvalidReturnException("pay", "return.perceptor.amount.negative", number, who, taken));
            }
        }
        boolean refund = pay.monetary().signum() < 0 || pay.inKind().signum() < 0 || incapacity.monetary().signum() < 0
                || incapacity.inKind().signum() < 0;
        if (refund && accrualYear == null) {
            refusals.add(new InvalidReturnException("accrualYear", "return.perceptor.refund.year", number, who));
        }
        if (accrualYear != null && (accrualYear >= year || accrualYear < 1900)) {
            refusals.add(new InvalidReturnException("accrualYear", "return.perceptor.accrual.invalid", number, who,
                    accrualYear, year));
        }
        if (key != Key.A && (!incapacity.isNone() || situation != null || startupSharesExcess || fundManagement)) {
            refusals.add(new InvalidReturnException("key", "return.perceptor.employeeData", number, who, key.name()));
        }
        if (key == Key.L && deductions.expenses().signum() != 0 && !L_WITH_EXPENSES.contains(subkey)) {
            refusals.add(
                    new InvalidReturnException("deductions", "return.perceptor.employeeData", number, who, key.name()));
        }
        if (key == Key.A) {
            checkSituation(number, who, year, refusals);
        }
    }

    private void checkSituation(int number, String who, int year, Refusals refusals) {
        if (situation == null) {
            refusals.add(new InvalidReturnException("situation", "return.perceptor.situation.missing", number, who));
            return;
        }
        if (situation.birthYear() < 1900 || situation.birthYear() > year) {
            refusals.add(new InvalidReturnException("birthYear", "return.perceptor.birthYear.invalid", number, who,
                    situation.birthYear()));
        }
        if (situation.family() < 1 || situation.family() > 3) {
            refusals.add(new InvalidReturnException("family", "return.perceptor.family.invalid", number, who,
                    situation.family()));
        }
        if (situation.spouseNif() != null && !situation.spouseNif().isBlank()
                && (situation.family() != 2 || TaxId.check(situation.spouseNif()).isPresent())) {
            refusals.add(new InvalidReturnException("spouseNif", "return.perceptor.spouse.invalid", number, who,
                    situation.spouseNif()));
        }
        if (situation.disabilityDegree() < 0 || situation.disabilityDegree() > 100) {
            refusals.add(new InvalidReturnException("disabilityDegree", "return.perceptor.disability.invalid", number,
                    who, situation.disabilityDegree()));
        }
        if (situation.contract() < 1 || situation.contract() > 4) {
            refusals.add(new InvalidReturnException("contract", "return.perceptor.contract.invalid", number, who,
                    situation.contract()));
        }
        Descendants d = situation.descendants();
        Ascendants a = situation.ascendants();
        boolean counts = d.under3().valid(9) && d.rest().valid(99) && d.disabled().valid(99) && d.assisted().valid(99)
                && d.severe().valid(99) && a.under75().valid(9) && a.over75().valid(9) && a.disabled().valid(9)
                && a.assisted().valid(9) && a.severe().valid(9) && d.firstThree().size() <= 3
                && d.firstThree().size() <= d.under3().total() + d.rest().total();
        if (!counts) {
            refusals.add(new InvalidReturnException("descendants", "return.perceptor.relatives.invalid", number, who));
        }
    }

    private static boolean validProvince(int code) {
        return code >= 1 && code <= 53 || code == 98;
    }

    private boolean validSubkey() {
        return validSubkey(key, subkey);
    }

    private static boolean validSubkey(Key key, int subkey) {
        return switch (key) {
            case A -> subkey == 0;
            case L -> subkey >= 1 && subkey <= L_LAST_SUBKEY || subkey == L_OTHER;
        };
    }

    private static BigDecimal cents(BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount of a return is in euros and cents, not " + amount);
        }
        return amount.setScale(2);
    }
}
