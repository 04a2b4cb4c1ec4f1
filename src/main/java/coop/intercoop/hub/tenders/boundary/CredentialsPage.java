package coop.intercoop.hub.tenders.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.Certificates;
import coop.intercoop.hub.tenders.control.ServiceRecords;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.Certificate;
import coop.intercoop.hub.tenders.entity.ServiceRecord;

/**
 * What the organisation brings to its bids ({@code /org/tenders/credentials.xhtml}): its certificates, checked valid
 * today, and the services it performed, each kept, changed with the version read and deleted by those who manage
 * tenders, through the same controls and rules as the API; read by its auditors too.
 */
@Named
@ViewScoped
public class CredentialsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<Certificates> certificates;

    @Inject
    Instance<ServiceRecords> services;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    private List<Certificate> certificateList = List.of();
    private List<ServiceRecord> serviceList = List.of();

    private Long certificateId;
    private int certificateVersion;
    private Certificate.Kind kind;
    private String title;
    private String issuer;
    private String reference;
    private String uri;
    private LocalDate validFrom;
    private LocalDate validUntil;

    private Long serviceId;
    private int serviceVersion;
    private String serviceTitle;
    private String recipient;
    private Boolean recipientPublic;
    private String recipientTaxId;
    private String cpvs;
    private BigDecimal amount;
    private LocalDate started;
    private LocalDate ended;
    private String certificate;

    @ReadsTenders
    public void load() {
        certificateList = certificates.get().all();
        serviceList = services.get().all();
    }

    /** Keeps the certificate of the form: a new one, or the one being changed with the version read. */
    @ManagesTenders
    public void saveCertificate() {
        Certificates.Input input = new Certificates.Input(kind, title, issuer, reference, uri, validFrom, validUntil);
        Certificate saved = certificateId == null ? certificates.get().create(input)
                : certificates.get().change(certificateId, certificateVersion, input);
        texts.inform("credentials.certificate.saved", saved.getTitle());
        newCertificate();
        load();
    }

    /** Puts a certificate in the form, to change it. */
    @ManagesTenders
    public void editCertificate(long id) {
        Certificate c = certificates.get().find(id);
        certificateId = c.getId();
        certificateVersion = c.getVersion();
        kind = c.getKind();
        title = c.getTitle();
        issuer = c.getIssuer().orElse(null);
        reference = c.getReference().orElse(null);
        uri = c.getUri().orElse(null);
        validFrom = c.getValidFrom();
        validUntil = c.getValidUntil().orElse(null);
    }

    public void newCertificate() {
        certificateId = null;
        kind = null;
        title = null;
        issuer = null;
        reference = null;
        uri = null;
        validFrom = null;
        validUntil = null;
    }

    @ManagesTenders
    public void deleteCertificate(long id) {
        String deleted = certificates.get().find(id).getTitle();
        certificates.get().delete(id);
        texts.inform("credentials.certificate.deleted", deleted);
        if (Long.valueOf(id).equals(certificateId)) {
            newCertificate();
        }
        load();
    }

    /** Keeps the service of the form: a new one, or the one being changed with the version read. */
    @ManagesTenders
    public void saveService() {
        ServiceRecords.Input input = new ServiceRecords.Input(serviceTitle, recipient, recipientPublic, recipientTaxId,
                cpvs == null || cpvs.isBlank() ? List.of() : Arrays.asList(cpvs.strip().split("[,;\\s]+")), amount,
                started, ended, certificate);
        ServiceRecord saved = serviceId == null ? services.get().create(input)
                : services.get().change(serviceId, serviceVersion, input);
        texts.inform("credentials.service.saved", saved.getTitle());
        newService();
        load();
    }

    /** Puts a service in the form, to change it. */
    @ManagesTenders
    public void editService(long id) {
        ServiceRecord s = services.get().find(id);
        serviceId = s.getId();
        serviceVersion = s.getVersion();
        serviceTitle = s.getTitle();
        recipient = s.getRecipient();
        recipientPublic = s.isRecipientPublic();
        recipientTaxId = s.getRecipientTaxId().orElse(null);
        cpvs = String.join(", ", s.getCpvs());
        amount = s.getAmount();
        started = s.getStarted();
        ended = s.getEnded().orElse(null);
        certificate = s.getCertificate().orElse(null);
    }

    public void newService() {
        serviceId = null;
        serviceTitle = null;
        recipient = null;
        recipientPublic = null;
        recipientTaxId = null;
        cpvs = null;
        amount = null;
        started = null;
        ended = null;
        certificate = null;
    }

    @ManagesTenders
    public void deleteService(long id) {
        String deleted = services.get().find(id).getTitle();
        services.get().delete(id);
        texts.inform("credentials.service.deleted", deleted);
        if (Long.valueOf(id).equals(serviceId)) {
            newService();
        }
        load();
    }

    public boolean isManages() {
        return tenant.may(ManagesTenders.class);
    }

    public boolean validToday(Certificate c) {
        return c.validOn(LocalDate.now(Watches.PENINSULAR));
    }

    public Certificate.Kind[] getKinds() {
        return Certificate.Kind.values();
    }

    public List<Certificate> getCertificates() {
        return certificateList;
    }

    public List<ServiceRecord> getServices() {
        return serviceList;
    }

    public boolean isEditingCertificate() {
        return certificateId != null;
    }

    public boolean isEditingService() {
        return serviceId != null;
    }

    public Certificate.Kind getKind() {
        return kind;
    }

    public void setKind(Certificate.Kind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public String getServiceTitle() {
        return serviceTitle;
    }

    public void setServiceTitle(String serviceTitle) {
        this.serviceTitle = serviceTitle;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public Boolean getRecipientPublic() {
        return recipientPublic;
    }

    public void setRecipientPublic(Boolean recipientPublic) {
        this.recipientPublic = recipientPublic;
    }

    public String getRecipientTaxId() {
        return recipientTaxId;
    }

    public void setRecipientTaxId(String recipientTaxId) {
        this.recipientTaxId = recipientTaxId;
    }

    public String getCpvs() {
        return cpvs;
    }

    public void setCpvs(String cpvs) {
        this.cpvs = cpvs;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getStarted() {
        return started;
    }

    public void setStarted(LocalDate started) {
        this.started = started;
    }

    public LocalDate getEnded() {
        return ended;
    }

    public void setEnded(LocalDate ended) {
        this.ended = ended;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }
}
