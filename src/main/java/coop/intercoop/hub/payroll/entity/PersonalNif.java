package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * The tax id (NIF) of a natural person who may be employed: a Spanish national's DNI (eight digits and the control
 * letter of the number modulo 23) or a foreign national's NIE (X, Y or Z standing for 0, 1 or 2 before seven digits,
 * and the letter computed likewise), Real Decreto 1065/2007, arts. 18 and 20. The arithmetic is {@link TaxId}'s; this
 * adds that an entity's NIF, or a K, L or M NIF of a person without DNI or NIE, is not an employee's.
 */
public record PersonalNif(String value) {

    /**
     * @param field
     *            the input field, named by the refusal
     *
     * @throws InvalidIdentifierException
     *             if the text is empty, not shaped as a DNI or NIE, or has a wrong control letter
     */
    public static PersonalNif of(String field, String text) {
        String normalised = TaxId.normalise(text);
        TaxId.Problem problem = TaxId.check(text).orElse(null);
        if (problem == TaxId.Problem.EMPTY) {
            throw new InvalidIdentifierException(field, "nif.empty");
        }
        if (problem == TaxId.Problem.FORMAT) {
            throw new InvalidIdentifierException(field, "nif.format", normalised);
        }
        if (problem == null) {
            TaxId.Kind kind = TaxId.of(normalised).kind();
            if (kind == TaxId.Kind.DNI || kind == TaxId.Kind.NIE) {
                return new PersonalNif(normalised);
            }
            throw new InvalidIdentifierException(field, "nif.person", normalised);
        }
        TaxId.Kind shape = Character.isDigit(normalised.charAt(0)) || "XYZ".indexOf(normalised.charAt(0)) >= 0 ? null
                : TaxId.Kind.ENTITY;
        if (shape == TaxId.Kind.ENTITY) {
            throw new InvalidIdentifierException(field, "nif.person", normalised);
        }
        throw new InvalidIdentifierException(field, "nif.control", normalised, TaxId.expectedControl(normalised));
    }

    @Override
    public String toString() {
        return value;
    }
}
