package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

import coop.intercoop.hub.payroll.entity.Modelo190Design;
import coop.intercoop.hub.payroll.entity.Modelo190Design.Field;

/**
 * One record of an AEAT fixed-width file being written: {@value Modelo190Design#RECORD_LENGTH} characters, blanks where
 * no field is written, each field padded as the design's general rules say (Orden EHA/3127/2009, anexo II, "Descripción
 * de los registros"): numeric fields right-aligned and zero-filled, alphanumeric ones left-aligned and blank-filled,
 * "en mayúsculas sin caracteres especiales, y sin vocales acentuadas", Ñ and Ç kept for ISO-8859-1.
 */
final class FixedRecord {

    private final char[] text = new char[Modelo190Design.RECORD_LENGTH];

    /** Whether a value did not fit its field, which the caller refuses naming what it was. */
    static final class TooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLongException(Field field, String value) {
            super(value + " does not fit the " + field.width() + " positions of " + field.name());
        }
    }

    FixedRecord() {
        Arrays.fill(text, ' ');
    }

    /** Writes every field with no content as the design fills it: numeric ones with zeros, the others with blanks. */
    FixedRecord empty(Iterable<Field> fields) {
        for (Field field : fields) {
            put(field, "");
        }
        return this;
    }

    /** Writes a whole number. */
    FixedRecord number(Field field, long value) {
        return put(field, Long.toString(value));
    }

    /**
     * Writes an amount without sign in cents: "sin signo y sin coma decimal", the integer part then the two decimals.
     *
     * @throws TooLongException
     *             if it has more digits than the field
     */
    FixedRecord amount(Field field, BigDecimal euros) {
        return put(field, euros.abs().setScale(2).unscaledValue().toString());
    }

    /**
     * Writes a text by the field's nature.
     *
     * @throws TooLongException
     *             for a number, NIF or e-mail address longer than its field; a name is cut at the field's end instead
     */
    FixedRecord put(Field field, String value) {
        String written = switch (field.nature()) {
            case NUMERIC -> pad(field, value.isEmpty() ? "0" : value, '0', true);
            case NIF -> value.isEmpty() ? pad(field, "", ' ', false) : pad(field, value, '0', true);
            case ALPHANUMERIC -> cut(field, plain(value));
            case EMAIL -> pad(field, value.strip(), ' ', false);
        };
        written.getChars(0, written.length(), text, field.start() - 1);
        return this;
    }

    @Override
    public String toString() {
        return new String(text);
    }

    private static String pad(Field field, String value, char filler, boolean right) {
        if (value.length() > field.width()) {
            throw new TooLongException(field, value);
        }
        String fill = String.valueOf(filler).repeat(field.width() - value.length());
        return right ? fill + value : value + fill;
    }

    private static String cut(Field field, String value) {
        String kept = value.length() > field.width() ? value.substring(0, field.width()) : value;
        return kept + " ".repeat(field.width() - kept.length());
    }

    /**
     * A text as the design writes alphanumeric fields: in capitals, vowels without accents or diaeresis, Ñ and Ç kept,
     * any other character that is not a letter A to Z, a digit or a space written as a space, and no run of spaces.
     */
    static String plain(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == 'Ñ' || c == 'Ç' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            out.append(base.length() == 1 && base.charAt(0) >= 'A' && base.charAt(0) <= 'Z' ? base.charAt(0) : ' ');
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }
}
