package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;

/**
 * The tamper evidence of a posted entry: a digest of the entry's legal content, chained to the digest of the
 * organisation's previously posted entry. Both schemes digest, as UTF-8, the same length-prefixed fields
 * ({@code <length>:<text>;}, so that no two contents share an encoding): the scheme tag, for scheme 2 the key id, the
 * previous digest (empty for the first entry), the organisation id, the fiscal year, the entry number, the ISO date,
 * the journal code, the description, the document reference, then per line its number, account code, debit and credit
 * as canonical decimal strings (plain, two decimals: {@code 1234.50}), text and third-party tax id.
 * <ul>
 * <li>Scheme {@value #PLAIN} ({@code ICH-LEDGER-1}): SHA-256 of that text. Anyone who can write the database can
 * recompute it, so it only shows accidental damage; entries posted before the keyed chain keep it and stay
 * checkable.</li>
 * <li>Scheme {@value #KEYED} ({@code ICH-LEDGER-2}): HMAC-SHA256 of that text with the hub's integrity key of the
 * recorded key id, a key kept outside the database: without it a changed entry cannot be given a valid digest.</li>
 * </ul>
 * Entries keep the scheme (and key id) they were digested with.
 */
public final class EntryHash {

    /** Unkeyed SHA-256 (entries posted before the keyed chain). */
    public static final int PLAIN = 1;
    /** HMAC-SHA256 with the hub's integrity key; what the hub posts with. */
    public static final int KEYED = 2;

    /** What is hashed of one line. */
    public record Line(int number, String account, BigDecimal debit, BigDecimal credit, String text,
            String thirdPartyNif) {
    }

    private EntryHash() {
    }

    /** Scheme 1: SHA-256 over the entry's text. */
    public static String plain(String previousHash, long orgId, int fiscalYear, int number, LocalDate date,
            Journal journal, String description, String document, List<Line> lines) {
        String text = text("ICH-LEDGER-1", null, previousHash, orgId, fiscalYear, number, date, journal, description,
                document, lines);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Scheme 2: HMAC-SHA256 over the entry's text with {@code mac}, initialised with the key {@code keyId} names. The
     * caller reuses one {@code Mac} for a whole batch of entries ({@code doFinal} leaves it ready for the next).
     */
    public static String keyed(Mac mac, int keyId, String previousHash, long orgId, int fiscalYear, int number,
            LocalDate date, Journal journal, String description, String document, List<Line> lines) {
        String text = text("ICH-LEDGER-2", keyId, previousHash, orgId, fiscalYear, number, date, journal, description,
                document, lines);
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(String tag, Integer keyId, String previousHash, long orgId, int fiscalYear, int number,
            LocalDate date, Journal journal, String description, String document, List<Line> lines) {
        StringBuilder text = new StringBuilder(256 + lines.size() * 64);
        field(text, tag);
        if (keyId != null) {
            field(text, keyId.toString());
        }
        field(text, previousHash);
        field(text, Long.toString(orgId));
        field(text, Integer.toString(fiscalYear));
        field(text, Integer.toString(number));
        field(text, date.toString());
        field(text, journal.name());
        field(text, description);
        field(text, document);
        for (Line line : lines) {
            field(text, Integer.toString(line.number()));
            field(text, line.account());
            field(text, canonical(line.debit()));
            field(text, canonical(line.credit()));
            field(text, line.text());
            field(text, line.thirdPartyNif());
        }
        return text.toString();
    }

    /** An amount as the hash sees it: plain notation, exactly two decimals. */
    public static String canonical(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static void field(StringBuilder text, String value) {
        String v = value == null ? "" : value;
        text.append(v.length()).append(':').append(v).append(';');
    }
}
