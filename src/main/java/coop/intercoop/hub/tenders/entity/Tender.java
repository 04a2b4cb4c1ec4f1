package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A public tender as the procurement platform (PLACSP) publishes it: one ATOM entry and the CODICE contract folder it
 * carries ({@code cac-place-ext:ContractFolderStatus}). Public data, the same for every organisation of the hub: it is
 * kept once, not per tenant. An entry is identified by its ATOM id and replaced only by an entry with a later
 * {@code updated}.
 *
 * @param entryId
 *            the ATOM entry's id, which the platform keeps for the folder's life
 * @param updated
 *            when the platform last changed the entry
 * @param link
 *            the folder's page on the platform
 * @param folderId
 *            the buyer's file number ({@code cbc:ContractFolderID})
 * @param status
 *            the folder's status code (SyndicationContractFolderStatusCode: PRE, PUB, EV, ADJ, RES, ANUL)
 * @param contractType
 *            the contract type code (ContractCode: 1 supplies, 2 services, 3 works…)
 * @param procedure
 *            the procedure code (SyndicationTenderingProcessCode: 1 open, 2 restricted…)
 * @param cpvs
 *            the folder's CPV codes, in the order published
 * @param nuts
 *            where the contract is performed (NUTS code), when published
 * @param budgetWithTaxes
 *            the tender's budget, taxes included ({@code cbc:TotalAmount})
 * @param budgetWithoutTaxes
 *            the tender's budget, taxes excluded ({@code cbc:TaxExclusiveAmount})
 * @param estimatedValue
 *            the estimated value of the contract ({@code cbc:EstimatedOverallContractAmount}, Ley 9/2017 art. 101)
 * @param deadline
 *            the end of the submission period, date and time as published (Spanish peninsular time)
 * @param duration
 *            how long the contract runs, as published ({@code cac:PlannedPeriod/cbc:DurationMeasure})
 */
public record Tender(String entryId, Instant updated, String link, String folderId, String status, String title,
        Buyer buyer, Optional<String> contractType, Optional<String> procedure, List<String> cpvs,
        Optional<String> nuts, Optional<BigDecimal> budgetWithTaxes, Optional<BigDecimal> budgetWithoutTaxes,
        Optional<BigDecimal> estimatedValue, Optional<LocalDateTime> deadline, Optional<Term> duration, List<Lot> lots,
        List<Criterion> criteria, List<TenderDocument> documents, List<Award> results) {

    public Tender {
        cpvs = List.copyOf(cpvs);
        lots = List.copyOf(lots);
        criteria = List.copyOf(criteria);
        documents = List.copyOf(documents);
        results = List.copyOf(results);
    }

    /**
     * How long a contract runs: an amount of days, weeks, months or years, as the platform publishes it (UN/ECE
     * recommendation 20 codes {@code DAY}, {@code WEE}, {@code MON}, {@code ANN}).
     */
    public record Term(BigDecimal amount, Unit unit) {

        public enum Unit {
            DAY, WEE, MON, ANN
        }

        /** The unit of a published code, if the hub reads it. */
        public static Optional<Unit> unit(String code) {
            return java.util.Arrays.stream(Unit.values()).filter(u -> u.name().equals(code)).findFirst();
        }

        /**
         * The term in years, to four decimals: months over 12, weeks over 52, days over 365 (a calendar year's days, as
         * the contract's dates are not published with its duration).
         */
        public BigDecimal years() {
            BigDecimal per = switch (unit) {
                case DAY -> BigDecimal.valueOf(365);
                case WEE -> BigDecimal.valueOf(52);
                case MON -> BigDecimal.valueOf(12);
                case ANN -> BigDecimal.ONE;
            };
            return amount.divide(per, 4, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The contracting body: its name and, where published, its tax id and DIR3 code. */
    public record Buyer(String name, Optional<String> taxId, Optional<String> dir3) {
    }

    /** A lot, with its own budget and CPV codes; {@code id} is the lot's number in the folder. */
    public record Lot(String id, String title, Optional<BigDecimal> budgetWithTaxes,
            Optional<BigDecimal> budgetWithoutTaxes, List<String> cpvs, Optional<String> nuts) {
        public Lot {
            cpvs = List.copyOf(cpvs);
        }
    }

    /**
     * A criterion as published: an award criterion (of the folder or of one lot, with its weight), a financial or
     * technical solvency criterion, or a declaration the tenderer must make ({@code cbc:RequirementTypeCode}, the
     * DeclarationTypeCode list).
     */
    public record Criterion(Kind kind, Optional<String> lot, Optional<String> code, Optional<String> description,
            Optional<BigDecimal> weight) {

        public enum Kind {
            AWARD, FINANCIAL, TECHNICAL, DECLARATION
        }
    }

    /**
     * A document of the folder: the administrative (LEGAL) and technical (TECHNICAL) specifications, an additional
     * document (where a buyer's ESPD request file is published), or a general document with its type code.
     */
    public record TenderDocument(Kind kind, String name, String uri, Optional<String> typeCode) {

        public enum Kind {
            LEGAL, TECHNICAL, ADDITIONAL, GENERAL
        }
    }

    /**
     * A result of the folder or of one lot: its result code (TenderResultCode: awarded, void, desisted…), the award's
     * date, the winner and the amounts awarded.
     */
    public record Award(Optional<String> lot, String resultCode, Optional<LocalDate> awardDate,
            Optional<String> winnerName, Optional<String> winnerTaxId, Optional<BigDecimal> amountWithoutTaxes,
            Optional<BigDecimal> amountPayable, Optional<Integer> tendersReceived) {
    }
}
