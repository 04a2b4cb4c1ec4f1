package coop.intercoop.hub.tenders.boundary;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenders.control.Watches;

/** How the tenders' pages write a deadline, the time left to it, a day, and a list of codes. */
@Named
@RequestScoped
public class TenderTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    Texts texts;

    /** A deadline as the platform publishes it, day and time; empty without one. */
    public String when(LocalDateTime deadline) {
        return deadline == null ? "" : deadline.format(WHEN);
    }

    /** The time left to a deadline, in days or hours, or that it passed; empty without a deadline. */
    public String countdown(LocalDateTime deadline) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(LocalDateTime.now(Watches.PENINSULAR), deadline);
        if (left.isNegative()) {
            return texts.get("opportunities.deadline.past");
        }
        return left.toDays() >= 1 ? texts.format("opportunities.deadline.days", left.toDays())
                : texts.format("opportunities.deadline.hours", Math.max(1, left.toHours()));
    }

    /**
     * An address from the feed as a link's target: only a web address ({@code http}, {@code https}); anything else a
     * page might carry ({@code javascript:}, {@code data:}) is no link.
     */
    public String href(String uri) {
        return uri != null && (uri.startsWith("https://") || uri.startsWith("http://")) ? uri : "#";
    }

    /** A day as the portal writes days, dd/mm/yyyy; empty without one. */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : day.format(DAY);
    }

    public String joined(List<String> codes) {
        return String.join(", ", codes);
    }
}
