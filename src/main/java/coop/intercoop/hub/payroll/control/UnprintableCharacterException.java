package coop.intercoop.hub.payroll.control;

import coop.intercoop.hub.platform.HubException;

/**
 * Thrown by {@link PayslipPdf} when a text of a payslip (a name, an address, a concept) has a character the PDF's font
 * cannot write. The payslip is written in the standard Helvetica of every PDF viewer, whose character set (Windows
 * Latin 1, {@code WinAnsiEncoding}) holds every letter of Spanish, Catalan, Galician and Basque, the euro sign and the
 * usual signs, but not, for instance, Romanian or Polish letters; the character is refused rather than replaced, so a
 * name is never printed other than as written.
 */
public class UnprintableCharacterException extends HubException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field
     *            the payslip field the text is in ({@code worker.name}, {@code earning.concept}, ...)
     * @param worker
     *            the name of the worker whose payslip it is
     * @param text
     *            the text
     * @param codePoint
     *            the character that cannot be written
     */
    public UnprintableCharacterException(String field, String worker, String text, int codePoint) {
        super(Kind.INVALID, field, "payslip.character", new Object[] { worker, new String(Character.toChars(codePoint)),
                String.format("U+%04X", codePoint), text });
    }
}
