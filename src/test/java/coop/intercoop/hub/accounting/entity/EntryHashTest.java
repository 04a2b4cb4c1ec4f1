package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.NotEmpty;

class EntryHashTest {

    /**
     * Everything {@link EntryHash#plain} and {@link EntryHash#keyed} hashes, as one value so that a property can change
     * one field of it.
     */
    record Content(String previousHash, long orgId, int fiscalYear, int number, LocalDate date, Journal journal,
            String description, String document, List<EntryHash.Line> lines) {

        String hash() {
            return EntryHash.plain(previousHash, orgId, fiscalYear, number, date, journal, description, document,
                    lines);
        }

        String keyed(Mac mac, int keyId) {
            return EntryHash.keyed(mac, keyId, previousHash, orgId, fiscalYear, number, date, journal, description,
                    document, lines);
        }

        Content withLine(int index, UnaryOperator<EntryHash.Line> change) {
            List<EntryHash.Line> changed = new ArrayList<>(lines);
            changed.set(index, change.apply(lines.get(index)));
            return new Content(previousHash, orgId, fiscalYear, number, date, journal, description, document, changed);
        }
    }

    private static StringArbitrary texts() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(40).withCharRange(' ', '~').withChars("ñáéíóúçÑ€:;");
    }

    @Provide
    Arbitrary<Content> contents() {
        Arbitrary<EntryHash.Line> line = Combinators
                .combine(Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(12),
                        Arbitraries.longs().between(1, 99_999_999_999L), Arbitraries.of(true, false),
                        texts().injectNull(0.3), Arbitraries.of("B12345674", "12345678Z").injectNull(0.5))
                .as((account, cents, debit, text, nif) -> new EntryHash.Line(0, account,
                        debit ? BigDecimal.valueOf(cents, 2) : BigDecimal.ZERO,
                        debit ? BigDecimal.ZERO : BigDecimal.valueOf(cents, 2), text, nif));
        Arbitrary<List<EntryHash.Line>> lines = line.list().ofMinSize(2).ofMaxSize(8).map(ls -> {
            List<EntryHash.Line> numbered = new ArrayList<>();
            for (int i = 0; i < ls.size(); i++) {
                EntryHash.Line l = ls.get(i);
                numbered.add(
                        new EntryHash.Line(i + 1, l.account(), l.debit(), l.credit(), l.text(), l.thirdPartyNif()));
            }
            return numbered;
        });
        return Combinators.combine(previousHashes().injectNull(0.2), Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.integers().between(2000, 2100), Arbitraries.integers().between(1, 1_000_000),
                BalancedEntries.dates(), Arbitraries.of(Journal.class), texts().ofMinLength(1), texts().injectNull(0.3))
                .flatAs((previous, org, year, number, date, journal, description, document) -> lines
                        .map(ls -> new Content(previous, org, year, number, date, journal, description, document, ls)));
    }

    @Property(tries = 250)
    void theSameContentGivesTheSameHash(@ForAll("contents") Content content) {
        String hash = content.hash();
        assertEquals(64, hash.length());
        assertEquals(hash, content.hash());
        Content copy = new Content(content.previousHash(), content.orgId(), content.fiscalYear(), content.number(),
                content.date(), content.journal(), new String(content.description()),
                content.document() == null ? null : new String(content.document()), List.copyOf(content.lines()));
        assertEquals(hash, copy.hash());
    }

    @Property(tries = 250)
    void anAmountIsHashedByValueWhateverItsScale(@ForAll("contents") Content content,
            @ForAll @IntRange(min = 0, max = 7) int at) {
        int index = at % content.lines().size();
        Content stripped = content.withLine(index, l -> new EntryHash.Line(l.number(), l.account(),
                l.debit().stripTrailingZeros(), l.credit().stripTrailingZeros(), l.text(), l.thirdPartyNif()));
        assertEquals(content.hash(), stripped.hash());
    }

    @Property(tries = 250)
    void changingAnAmountByOneCentChangesTheHash(@ForAll("contents") Content content,
            @ForAll @IntRange(min = 0, max = 7) int at, @ForAll boolean up) {
        int index = at % content.lines().size();
        BigDecimal cent = new BigDecimal(up ? "0.01" : "-0.01");
        Content changed = content.withLine(index,
                l -> l.debit().signum() > 0
                        ? new EntryHash.Line(l.number(), l.account(), l.debit().add(cent), l.credit(), l.text(),
                                l.thirdPartyNif())
                        : new EntryHash.Line(l.number(), l.account(), l.debit(), l.credit().add(cent), l.text(),
                                l.thirdPartyNif()));
        assertNotEquals(content.hash(), changed.hash());
    }

    @Property(tries = 250)
    void changingAnAccountChangesTheHash(@ForAll("contents") Content content,
            @ForAll @IntRange(min = 0, max = 7) int at, @ForAll @IntRange(min = 0, max = 9) int digit) {
        int index = at % content.lines().size();
        Content changed = content.withLine(index, l -> new EntryHash.Line(l.number(), l.account() + digit, l.debit(),
                l.credit(), l.text(), l.thirdPartyNif()));
        assertNotEquals(content.hash(), changed.hash());
    }

    @Property(tries = 250)
    void changingTheDateChangesTheHash(@ForAll("contents") Content content,
            @ForAll @IntRange(min = -3650, max = 3650) int days) {
        Assume.that(days != 0);
        Content changed = new Content(content.previousHash(), content.orgId(), content.fiscalYear(), content.number(),
                content.date().plusDays(days), content.journal(), content.description(), content.document(),
                content.lines());
        assertNotEquals(content.hash(), changed.hash());
    }

    @Property(tries = 250)
    void changingTheNumberChangesTheHash(@ForAll("contents") Content content,
            @ForAll @IntRange(min = 1, max = 1_000_000) int number) {
        Assume.that(number != content.number());
        Content changed = new Content(content.previousHash(), content.orgId(), content.fiscalYear(), number,
                content.date(), content.journal(), content.description(), content.document(), content.lines());
        assertNotEquals(content.hash(), changed.hash());
    }

    @Property(tries = 250)
    void changingThePreviousHashChangesTheHash(@ForAll("contents") Content content,
            @ForAll("previousHashes") String previous) {
        Assume.that(!previous.equals(content.previousHash() == null ? "" : content.previousHash()));
        Content changed = new Content(previous, content.orgId(), content.fiscalYear(), content.number(), content.date(),
                content.journal(), content.description(), content.document(), content.lines());
        assertNotEquals(content.hash(), changed.hash());
    }

    @Provide
    Arbitrary<String> previousHashes() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Property(tries = 250)
    void movingTextFromTheDescriptionToTheDocumentChangesTheHash(@ForAll @NotEmpty String joined,
            @ForAll @IntRange(min = 0, max = 1000) int a, @ForAll @IntRange(min = 0, max = 1000) int b,
            @ForAll("contents") Content content) {
        int first = a % (joined.length() + 1);
        int second = b % (joined.length() + 1);
        Assume.that(first != second);
        assertNotEquals(withDescriptionAndDocument(content, joined, first).hash(),
                withDescriptionAndDocument(content, joined, second).hash());
    }

    @Property(tries = 250)
    void movingTextFromALineTextToItsTaxIdChangesTheHash(@ForAll @NotEmpty String joined,
            @ForAll @IntRange(min = 0, max = 1000) int a, @ForAll @IntRange(min = 0, max = 1000) int b,
            @ForAll @IntRange(min = 0, max = 7) int at, @ForAll("contents") Content content) {
        int first = a % (joined.length() + 1);
        int second = b % (joined.length() + 1);
        Assume.that(first != second);
        int index = at % content.lines().size();
        assertNotEquals(withTextAndTaxId(content, index, joined, first).hash(),
                withTextAndTaxId(content, index, joined, second).hash());
    }

    @Property(tries = 250)
    void movingTheJoinBetweenTwoFieldsChangesTheHashWhereConcatenationWouldNot(@ForAll("contents") Content content) {
        Content one = withDescriptionAndDocument(content, "Factura 12", 7);
        Content other = withDescriptionAndDocument(content, "Factura 12", 8);
        assertEquals(one.description() + one.document(), other.description() + other.document());
        assertNotEquals(one.hash(), other.hash());
    }

    private static Content withDescriptionAndDocument(Content content, String joined, int at) {
        return new Content(content.previousHash(), content.orgId(), content.fiscalYear(), content.number(),
                content.date(), content.journal(), joined.substring(0, at), joined.substring(at), content.lines());
    }

    /** Version 1 is the SHA-256 of the text the class comment describes. */
    @Example
    void theHashIsTheSha256OfTheDocumentedText() throws NoSuchAlgorithmException {
        List<EntryHash.Line> lines = List.of(
                new EntryHash.Line(1, "629", new BigDecimal("121.5"), BigDecimal.ZERO, "Material ñ", null),
                new EntryHash.Line(2, "572", BigDecimal.ZERO, new BigDecimal("121.50"), null, "B12345674"));
        String text = "12:ICH-LEDGER-1;64:" + "a".repeat(64) + ";2:42;4:2025;1:7;10:2025-03-01;4:BANK;6:Compra;4:F-01;"
                + "1:1;3:629;6:121.50;4:0.00;10:Material ñ;0:;" + "1:2;3:572;4:0.00;6:121.50;0:;9:B12345674;";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        LocalDate date = LocalDate.of(2025, 3, 1);
        assertEquals(expected,
                EntryHash.plain("a".repeat(64), 42, 2025, 7, date, Journal.BANK, "Compra", "F-01", lines));
    }

    /** A key of 32 bytes 00 01 … 1f, as in the openssl commands below. */
    static Mac mac(int firstByte) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (firstByte + i);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Version 2 is the HMAC-SHA256 of the documented text with the key id after the tag. Expected value computed
     * independently: {@code printf '%s' "$TEXT" | openssl dgst -sha256 -mac HMAC -macopt
     * hexkey:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f}.
     */
    @Example
    void theKeyedHashIsTheHmacSha256OfTheDocumentedTextWithTheKeyId() {
        List<EntryHash.Line> lines = List.of(
                new EntryHash.Line(1, "629", new BigDecimal("121.5"), BigDecimal.ZERO, "Material ñ", null),
                new EntryHash.Line(2, "572", BigDecimal.ZERO, new BigDecimal("121.50"), null, "B12345674"));
        LocalDate date = LocalDate.of(2025, 3, 1);
        assertEquals("ff4222771922aec92babd9e78dd490ef81f508a4764c20dd371039e78d13b23e",
                EntryHash.keyed(mac(0), 3, "a".repeat(64), 42, 2025, 7, date, Journal.BANK, "Compra", "F-01", lines));
    }

    @Property(tries = 100)
    void theKeyedHashDependsOnTheKeyAndTheKeyIdAndIsNotThePlainOne(@ForAll("contents") Content content) {
        Mac mac = mac(0);
        String keyed = content.keyed(mac, 1);
        assertEquals(64, keyed.length());
        assertEquals(keyed, content.keyed(mac, 1), "the Mac is reusable after doFinal");
        assertNotEquals(content.hash(), keyed);
        assertNotEquals(keyed, content.keyed(mac(1), 1), "another key");
        assertNotEquals(keyed, content.keyed(mac, 2), "another key id");
    }

    @Property(tries = 100)
    void changingAnAmountByOneCentChangesTheKeyedHash(@ForAll("contents") Content content,
            @ForAll @IntRange(min = 0, max = 7) int at) {
        int index = at % content.lines().size();
        BigDecimal cent = new BigDecimal("0.01");
        Content changed = content.withLine(index,
                l -> l.debit().signum() > 0
                        ? new EntryHash.Line(l.number(), l.account(), l.debit().add(cent), l.credit(), l.text(),
                                l.thirdPartyNif())
                        : new EntryHash.Line(l.number(), l.account(), l.debit(), l.credit().add(cent), l.text(),
                                l.thirdPartyNif()));
        assertNotEquals(content.keyed(mac(0), 1), changed.keyed(mac(0), 1));
    }

    private static Content withTextAndTaxId(Content content, int index, String joined, int at) {
        return content.withLine(index, l -> new EntryHash.Line(l.number(), l.account(), l.debit(), l.credit(),
                joined.substring(0, at), joined.substring(at)));
    }
}
