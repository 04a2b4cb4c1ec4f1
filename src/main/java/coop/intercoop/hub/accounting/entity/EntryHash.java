package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper evidence of a posted entry: SHA-256 over the entry's legal content, chained to the hash of the
 * organisation's previously posted entry. Scheme version {@value #VERSION} hashes, as UTF-8, each of these fields
 * length-prefixed ({@code <length>:<text>;}) so that no two contents share an encoding: the scheme tag
 * {@code ICH-LEDGER-1}, the previous hash (empty for the first entry), the organisation id, the fiscal year, the entry
 * number, the ISO date, the journal code, the description, the document reference, then per line its number, account
 * code, debit and credit as canonical decimal strings (plain, two decimals: {@code 1234.50}), text and third-party tax
 * id. A future scheme gets a new version; entries keep the version they were hashed with.
 */
public final class EntryHash {

    public static final int VERSION = 1;

    /** What is hashed of one line. */
    public record Line(int number, String account, BigDecimal debit, BigDecimal credit, String text,
            String thirdPartyNif) {
    }

    private EntryHash() {
    }

    public static String of(int version, String previousHash, long orgId, int fiscalYear, int number, LocalDate date,
            Journal journal, String description, String document, List<Line> lines) {
        if (version != VERSION) {
            throw new IllegalArgumentException("Unknown hashing scheme version " + version);
        }
        StringBuilder text = new StringBuilder(256 + lines.size() * 64);
        field(text, "ICH-LEDGER-1");
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
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
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
