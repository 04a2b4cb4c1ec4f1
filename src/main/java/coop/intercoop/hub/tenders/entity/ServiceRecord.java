package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A service an organisation performed, for the technical solvency of its bids (Ley 9/2017 art. 90.1.a: the principal
 * services of the last three years, with their amount, dates and recipient, public or private, backed by a certificate
 * the recipient issued): what, for whom, its CPV codes, its amount without taxes and its days, from its start to its
 * end or still going. Tenant-scoped.
 */
@Entity
@Table(name = "org_service")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = ServiceRecord.ALL, query = "SELECT s FROM ServiceRecord s ORDER BY s.started DESC, s.id DESC")
public class ServiceRecord {

    public static final String ALL = "ServiceRecord.all";

    /** A CPV code: eight digits, with or without its check digit ({@code 85311000-2}). */
    private static final Pattern CPV = Pattern.compile("[0-9]{8}(-[0-9])?");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String recipient;

    @Column(name = "recipient_public")
    private boolean recipientPublic;

    @Column(name = "recipient_tax_id")
    private String recipientTaxId;

    /** The CPV codes, each of eight digits, separated by spaces. */
    private String cpvs;

    private BigDecimal amount;
    private LocalDate started;
    private LocalDate ended;
    private String certificate;

    @Version
    private int version;

    protected ServiceRecord() {
    }

    public ServiceRecord(String title, String recipient, Boolean recipientPublic, String recipientTaxId,
            List<String> cpvs, BigDecimal amount, LocalDate started, LocalDate ended, String certificate) {
        change(title, recipient, recipientPublic, recipientTaxId, cpvs, amount, started, ended, certificate);
    }

    /**
     * @throws InvalidTenderInputException
     *             every refusal at once: a title or recipient missing or too long, whether the recipient is public
     *             unsaid, a tax id or certificate reference too long, no CPV code or one that is not, an amount not
     *             above nought or in fractions of a cent, no first day, a last day before it
     */
    public final void change(String newTitle, String newRecipient, Boolean isPublic, String taxId, List<String> codes,
            BigDecimal newAmount, LocalDate from, LocalDate until, String certificateReference) {
        Refusals refusals = new Refusals();
        String what = newTitle == null ? "" : newTitle.strip();
        if (what.isEmpty() || what.length() > 300) {
            refusals.add(new InvalidTenderInputException("title", "service.title", 300));
        }
        String whom = newRecipient == null ? "" : newRecipient.strip();
        if (whom.isEmpty() || whom.length() > 200) {
            refusals.add(new InvalidTenderInputException("recipient", "service.recipient", 200));
        }
        if (isPublic == null) {
            refusals.add(new InvalidTenderInputException("recipientPublic", "service.public"));
        }
        String tax = blankAsNull(taxId);
        if (tax != null && tax.length() > 20) {
            refusals.add(new InvalidTenderInputException("recipientTaxId", "service.tooLong", 20));
        }
        List<String> stripped = codes == null ? List.of()
                : codes.stream().map(c -> c == null ? "" : c.strip()).distinct().toList();
        if (stripped.isEmpty() || stripped.size() > 40) {
            refusals.add(new InvalidTenderInputException("cpvs", "service.cpvs", 40));
        }
        stripped.stream().filter(c -> !CPV.matcher(c).matches())
                .forEach(c -> refusals.add(new InvalidTenderInputException("cpvs", "service.cpv", c)));
        if (newAmount == null || newAmount.signum() <= 0 || newAmount.stripTrailingZeros().scale() > 2) {
            refusals.add(new InvalidTenderInputException("amount", "service.amount", newAmount));
        }
        String reference = blankAsNull(certificateReference);
        if (reference != null && reference.length() > 100) {
            refusals.add(new InvalidTenderInputException("certificate", "service.tooLong", 100));
        }
        if (from == null) {
            refusals.add(new InvalidTenderInputException("started", "service.started"));
        } else if (until != null && until.isBefore(from)) {
            refusals.add(new InvalidTenderInputException("ended", "service.ended", until, from));
        }
        refusals.throwIfAny();
        this.title = what;
        this.recipient = whom;
        this.recipientPublic = isPublic;
        this.recipientTaxId = tax;
        this.cpvs = String.join(" ", stripped.stream().map(c -> c.substring(0, 8)).distinct().toList());
        this.amount = newAmount.setScale(2);
        this.started = from;
        this.ended = until;
        this.certificate = reference;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getRecipient() {
        return recipient;
    }

    public boolean isRecipientPublic() {
        return recipientPublic;
    }

    public Optional<String> getRecipientTaxId() {
        return Optional.ofNullable(recipientTaxId);
    }

    /** The CPV codes, eight digits each, in the order given. */
    public List<String> getCpvs() {
        return Arrays.asList(cpvs.split(" "));
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getStarted() {
        return started;
    }

    public Optional<LocalDate> getEnded() {
        return Optional.ofNullable(ended);
    }

    /** The reference of the certificate of good execution the recipient issued, if any. */
    public Optional<String> getCertificate() {
        return Optional.ofNullable(certificate);
    }

    public int getVersion() {
        return version;
    }
}
