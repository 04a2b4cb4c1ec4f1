package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * Who files a return: the organisation that withheld (its NIF and name, as the design's record of declarant asks), the
 * person the AEAT may call about it, and which return this is: the first of the year, a complementary one adding
 * perceptions left out, or a substitutive one replacing a return filed before (Orden EHA/3127/2009, anexo II, record 1,
 * positions 121-135).
 *
 * @param declarationId
 *            the return's identifying number, 13 digits (positions 108-120)
 * @param previousId
 *            for a complementary or substitutive return, the number of the return it completes or replaces; else null
 */
public record Declarant(String nif, String name, String contactPhone, String contactName, String contactEmail,
        String declarationId, Filing filing, String previousId) {

    /** Which return of the year this is. */
    public enum Filing {
        FIRST, COMPLEMENTARY, SUBSTITUTIVE
    }

    /** The first return of the year, with its contact. */
    public static Declarant first(String nif, String name, String contactPhone, String contactName, String contactEmail,
            String declarationId) {
        return new Declarant(nif, name, contactPhone, contactName, contactEmail, declarationId, Filing.FIRST, null);
    }

    /** This declarant's return completing or replacing the return {@code previousId}. */
    public Declarant replacing(Filing filing, String previousId) {
        return new Declarant(nif, name, contactPhone, contactName, contactEmail, declarationId, filing, previousId);
    }

    /** The NIF as the design writes it: capitals, without spaces or dashes. */
    public String normalisedNif() {
        return nif == null ? "" : TaxId.normalise(nif);
    }

    /** Adds a refusal for each thing the return's record of declarant cannot hold. */
    public void check(Refusals refusals) {
        if (nif == null || nif.isBlank()) {
            refusals.add(new InvalidReturnException("declarantNif", "return.declarant.nif.missing"));
        } else if (TaxId.check(nif).isPresent()) {
            refusals.add(new InvalidReturnException("declarantNif", "return.declarant.nif.invalid", nif));
        }
        if (name == null || name.isBlank()) {
            refusals.add(new InvalidReturnException("declarantName", "return.declarant.name.missing"));
        }
        if (contactPhone != null && !contactPhone.isBlank() && !contactPhone.strip().matches("\\d{9}")) {
            refusals.add(new InvalidReturnException("contactPhone", "return.declarant.phone.invalid", contactPhone));
        }
        if (declarationId == null || !declarationId.strip().matches("\\d{1,13}")) {
            refusals.add(new InvalidReturnException("declarationId", "return.declarant.id.invalid",
                    String.valueOf(declarationId)));
        }
        if (filing != Filing.FIRST && (previousId == null || !previousId.strip().matches("\\d{1,13}"))) {
            refusals.add(new InvalidReturnException("previousId", "return.declarant.previous.missing"));
        }
    }
}
