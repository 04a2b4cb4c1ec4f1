package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import coop.intercoop.hub.platform.Refusals;

/**
 * What a tender-manager looks for among the tenders: status codes, CPV prefixes, NUTS prefixes (the place of
 * performance of the tender or of one of its lots), a range of value (the estimated value of the contract, or its
 * budget without taxes where no value was published), reserved contracts only, a range of submission deadlines, words
 * of the title, buyer or file number, and whether tenders taken out of the feed are left out. A list left empty does
 * not filter. Each part that cannot filter is refused, all at once, naming its field.
 */
public record TenderFilter(List<String> statuses, List<String> cpvPrefixes, List<String> nutsPrefixes,
        Optional<BigDecimal> minValue, Optional<BigDecimal> maxValue, boolean reservedOnly,
        Optional<LocalDate> deadlineFrom, Optional<LocalDate> deadlineTo, Optional<String> words, boolean openOnly) {

    /** The longest text searched for: the search is a filter, not a document. */
    public static final int MAX_WORDS = 200;

    private static final Pattern STATUS = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern CPV = Pattern.compile("\\d{1,8}");
    private static final Pattern NUTS = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");

    /**
     * @throws InvalidTenderInputException
     *             for each part that cannot filter, naming its field: a status, CPV or NUTS prefix not of their shape,
     *             a negative value, a least value above the most, a first deadline after the last, words too long
     */
    public TenderFilter {
        statuses = List.copyOf(statuses);
        cpvPrefixes = List.copyOf(cpvPrefixes);
        nutsPrefixes = List.copyOf(nutsPrefixes);
        Refusals refusals = new Refusals();
        statuses.stream().filter(s -> !STATUS.matcher(s).matches())
                .forEach(s -> refusals.add(new InvalidTenderInputException("status", "filter.status", s)));
        cpvPrefixes.stream().filter(s -> !CPV.matcher(s).matches())
                .forEach(s -> refusals.add(new InvalidTenderInputException("cpv", "filter.cpv", s)));
        nutsPrefixes.stream().filter(s -> !NUTS.matcher(s).matches())
                .forEach(s -> refusals.add(new InvalidTenderInputException("nuts", "filter.nuts", s)));
        minValue.filter(v -> v.signum() < 0)
                .ifPresent(v -> refusals.add(new InvalidTenderInputException("minValue", "filter.value", v)));
        maxValue.filter(v -> v.signum() < 0)
                .ifPresent(v -> refusals.add(new InvalidTenderInputException("maxValue", "filter.value", v)));
        if (minValue.isPresent() && maxValue.isPresent() && minValue.get().compareTo(maxValue.get()) > 0) {
            refusals.add(new InvalidTenderInputException("minValue", "filter.values", minValue.get(), maxValue.get()));
        }
        if (deadlineFrom.isPresent() && deadlineTo.isPresent() && deadlineFrom.get().isAfter(deadlineTo.get())) {
            refusals.add(new InvalidTenderInputException("deadlineFrom", "filter.deadlines", deadlineFrom.get(),
                    deadlineTo.get()));
        }
        words = words.map(String::strip).filter(w -> !w.isEmpty());
        words.filter(w -> w.length() > MAX_WORDS)
                .ifPresent(w -> refusals.add(new InvalidTenderInputException("q", "filter.words", MAX_WORDS)));
        refusals.throwIfAny();
    }
}
