package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.tenders.control.TenderCodes;
import coop.intercoop.hub.tenders.control.TenderCodes.CodeList;
import coop.intercoop.hub.tenders.control.Tenders;
import coop.intercoop.hub.tenders.control.Watches;

/** A tender in a list as the API answers it, wherever the list comes from: codes named, the deadline warned about. */
@Dependent
public class TenderViews {

    @Inject
    TenderCodes codes;

    @Inject
    Watches watches;

    /** A code as published and its name in the official list, in the reader's language (null when not listed). */
    public record CodeJson(String code, String name) {
    }

    /**
     * A tender in a list; {@code deadlineSoon} when its deadline is ahead and within the hub's warning days
     * ({@code hub.tenders.deadline-warning-days}); {@code unseen}, in a watch's list only, when the hub read it after
     * the watch was last looked at.
     */
    public record ListedJson(long id, String folderId, CodeJson status, String title, String buyer,
            CodeJson contractType, CodeJson procedure, BigDecimal budgetWithoutTaxes, BigDecimal estimatedValue,
            LocalDateTime deadline, boolean deadlineSoon, String nuts, Instant closedAt, int lots, Boolean unseen) {
    }

    /**
     * @param seenAt
     *            when the watch the list comes from was last looked at; empty for a list of no watch
     */
    public ListedJson listed(Tenders.Listed t, Locale language, Optional<Instant> seenAt) {
        return new ListedJson(t.id(), t.folderId(), code(CodeList.STATUS, t.status(), language), t.title(), t.buyer(),
                t.contractType().map(c -> code(CodeList.CONTRACT_TYPE, c, language)).orElse(null),
                t.procedure().map(c -> code(CodeList.PROCEDURE, c, language)).orElse(null),
                t.budgetWithoutTaxes().orElse(null), t.estimatedValue().orElse(null), t.deadline().orElse(null),
                watches.soon(t, LocalDateTime.now(Watches.PENINSULAR)), t.nuts().orElse(null),
                t.closedAt().orElse(null), t.lots(), seenAt.map(seen -> t.read().isAfter(seen)).orElse(null));
    }

    public CodeJson code(CodeList list, String code, Locale language) {
        return new CodeJson(code, codes.label(list, code, language).orElse(null));
    }
}
