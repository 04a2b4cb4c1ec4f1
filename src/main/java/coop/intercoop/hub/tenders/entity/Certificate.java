package coop.intercoop.hub.tenders.entity;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import coop.intercoop.hub.platform.Refusals;

/**
 * A certificate an organisation holds for its bids (Ley 9/2017 arts. 71 and 140: being up to date with the tax agency
 * and Social Security, registry entries, insurance, quality and environmental certificates), with the days it is valid:
 * from its issue to its expiry, or open-ended. Tenant-scoped.
 */
@Entity
@Table(name = "org_certificate")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = Certificate.ALL, query = "SELECT c FROM Certificate c ORDER BY c.kind, c.validFrom DESC, c.id")
public class Certificate {

    public static final String ALL = "Certificate.all";

    public enum Kind {
        TAX_AGENCY, SOCIAL_SECURITY, REGISTRY, INSURANCE, QUALITY, ENVIRONMENTAL, OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String title;
    private String issuer;
    private String reference;
    private String uri;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Version
    private int version;

    protected Certificate() {
    }

    public Certificate(Kind kind, String title, String issuer, String reference, String uri, LocalDate validFrom,
            LocalDate validUntil) {
        change(kind, title, issuer, reference, uri, validFrom, validUntil);
    }

    /**
     * @throws InvalidTenderInputException
     *             every refusal at once: no kind, a title missing or too long, an issuer or reference too long, an
     *             address that is not a web address, no first day, a last day before the first
     */
    public final void change(Kind newKind, String newTitle, String newIssuer, String newReference, String newUri,
            LocalDate from, LocalDate until) {
        Refusals refusals = new Refusals();
        if (newKind == null) {
            refusals.add(new InvalidTenderInputException("kind", "certificate.kind"));
        }
        String stripped = newTitle == null ? "" : newTitle.strip();
        if (stripped.isEmpty() || stripped.length() > 300) {
            refusals.add(new InvalidTenderInputException("title", "certificate.title", 300));
        }
        String issuedBy = blankAsNull(newIssuer);
        if (issuedBy != null && issuedBy.length() > 200) {
            refusals.add(new InvalidTenderInputException("issuer", "certificate.tooLong", 200));
        }
        String ref = blankAsNull(newReference);
        if (ref != null && ref.length() > 100) {
            refusals.add(new InvalidTenderInputException("reference", "certificate.tooLong", 100));
        }
        String address = blankAsNull(newUri);
        if (address != null && !webAddress(address)) {
            refusals.add(new InvalidTenderInputException("uri", "certificate.uri", 1000));
        }
        if (from == null) {
            refusals.add(new InvalidTenderInputException("validFrom", "certificate.from"));
        } else if (until != null && until.isBefore(from)) {
            refusals.add(new InvalidTenderInputException("validUntil", "certificate.until", until, from));
        }
        refusals.throwIfAny();
        this.kind = newKind;
        this.title = stripped;
        this.issuer = issuedBy;
        this.reference = ref;
        this.uri = address;
        this.validFrom = from;
        this.validUntil = until;
    }

    /** An address where the certificate can be checked: http or https, with a host, at most 1.000 characters. */
    private static boolean webAddress(String address) {
        if (address.length() > 1000 || !(address.startsWith("https://") || address.startsWith("http://"))) {
            return false;
        }
        try {
            return java.net.URI.create(address).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the certificate is valid on the day. */
    public boolean validOn(LocalDate day) {
        return valid(validFrom, getValidUntil(), day);
    }

    /** Whether a certificate valid from its first day to its last, if it has one, is valid on the day. */
    public static boolean valid(LocalDate from, Optional<LocalDate> until, LocalDate day) {
        return !day.isBefore(from) && until.filter(day::isAfter).isEmpty();
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public Optional<String> getIssuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<String> getReference() {
        return Optional.ofNullable(reference);
    }

    /** Where the certificate can be checked electronically (the issuer's verification address), if known. */
    public Optional<String> getUri() {
        return Optional.ofNullable(uri);
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public Optional<LocalDate> getValidUntil() {
        return Optional.ofNullable(validUntil);
    }

    public int getVersion() {
        return version;
    }
}
