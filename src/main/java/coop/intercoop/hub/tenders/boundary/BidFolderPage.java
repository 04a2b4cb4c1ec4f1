package coop.intercoop.hub.tenders.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.primefaces.model.file.UploadedFile;

import coop.intercoop.hub.payroll.control.Workforce;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.platform.faces.FileDownload;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.BidDocuments;
import coop.intercoop.hub.tenders.control.BidPackages;
import coop.intercoop.hub.tenders.control.Espds;
import coop.intercoop.hub.tenders.control.Pricings;
import coop.intercoop.hub.tenders.control.Solvency;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;
import coop.intercoop.hub.tenders.entity.Pricing;

/**
 * The bid's folder on the bids page, for the consortium {@link BidsPage} shows: the solvency from the members' data as
 * they consented (a table and a chart of each member's contribution), the ESPDs (the buyer's request, each member's
 * declaration, what each response answers and leaves to complete, each response downloaded), the price, the documents
 * and the bid package. Figures that are read from a member's books or payroll are read when asked for, each read
 * recorded in the member's log, through the same controls as the API.
 */
@Named
@ViewScoped
public class BidFolderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BidsPage bids;

    @Inject
    Instance<Solvency> solvency;

    @Inject
    Instance<Espds> espds;

    @Inject
    Instance<Pricings> pricings;

    @Inject
    Instance<BidDocuments> documents;

    @Inject
    Instance<BidPackages> packages;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Texts texts;

    private transient Solvency.Report report;
    private transient Espds.Stored request;
    private transient List<Espds.MemberPreview> preview = List.of();
    /** The lots each member answers, a response each. */
    private List<String> espdLots = List.of();
    private transient List<Espds.Requirement> requirements = List.of();
    private transient Pricings.Priced priced;
    private transient UploadedFile requestFile;
    private transient UploadedFile documentFile;
    private BidItem.Envelope documentEnvelope;
    private String size;
    private String representative;
    private Long packageId;
    private BigDecimal annualHours;
    private BigDecimal overheadRate;
    private BigDecimal marginRate;
    private BigDecimal employerRate;
    private List<LineForm> lines = new ArrayList<>();
    private Integer pricingVersion;

    /** A line of the pricing as the form edits it. */
    public static class LineForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String lot = "";
        private String category;
        private Long member;
        private BigDecimal hours;
        private Pricing.Source source = Pricing.Source.MANUAL;
        private BigDecimal hourlyCost;
        private String agreement;
        private String agreementCategory;

        Pricing.Line line() {
            return new Pricing.Line(lot == null ? "" : lot.strip(), category, member, hours, source, hourlyCost,
                    agreement, agreementCategory);
        }

        static LineForm of(Pricing.Line line) {
            LineForm form = new LineForm();
            form.lot = line.lot();
            form.category = line.category();
            form.member = line.memberOrgId();
            form.hours = line.hours();
            form.source = line.source();
            form.hourlyCost = line.hourlyCost();
            form.agreement = line.agreement();
            form.agreementCategory = line.agreementCategory();
            return form;
        }

        public String getLot() {
            return lot;
        }

        public void setLot(String lot) {
            this.lot = lot;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public Long getMember() {
            return member;
        }

        public void setMember(Long member) {
            this.member = member;
        }

        public BigDecimal getHours() {
            return hours;
        }

        public void setHours(BigDecimal hours) {
            this.hours = hours;
        }

        public Pricing.Source getSource() {
            return source;
        }

        public void setSource(Pricing.Source source) {
            this.source = source;
        }

        public BigDecimal getHourlyCost() {
            return hourlyCost;
        }

        public void setHourlyCost(BigDecimal hourlyCost) {
            this.hourlyCost = hourlyCost;
        }

        public String getAgreement() {
            return agreement;
        }

        public void setAgreement(String agreement) {
            this.agreement = agreement;
        }

        public String getAgreementCategory() {
            return agreementCategory;
        }

        public void setAgreementCategory(String agreementCategory) {
            this.agreementCategory = agreementCategory;
        }
    }

    /** The consortium what this page read belongs to: another consortium opened shows none of it. */
    private Long shownFor;

    private long consortium() {
        long id = bids.getConsortiumId();
        if (shownFor == null || shownFor != id) {
            report = null;
            request = null;
            preview = List.of();
            requirements = List.of();
            espdLots = List.of();
            priced = null;
            packageId = null;
            lines = new ArrayList<>();
            pricingVersion = null;
            annualHours = null;
            overheadRate = null;
            marginRate = null;
            employerRate = null;
            shownFor = id;
        }
        return id;
    }

    /** The solvency as the members consented; each member's read recorded in its log. */
    @ReadsTenders
    public void showSolvency() {
        report = solvency.get().report(tenant.id(), consortium());
    }

    /** The request and what each member's response answers. */
    @ReadsTenders
    public void showEspd() {
        try {
            request = espds.get().request(tenant.id(), consortium());
            Espds.Preview read = espds.get().preview(tenant.id(), consortium());
            preview = read.members();
            requirements = read.requirements();
            espdLots = read.lots();
        } catch (NotFoundException none) {
            request = null;
            preview = List.of();
            requirements = List.of();
            espdLots = List.of();
        }
    }

    @ManagesTenders
    public void uploadRequest() throws IOException {
        if (requestFile == null || requestFile.getSize() == 0) {
            throw new InvalidTenderInputException("requestFile", "espd.file.missing");
        }
        try (InputStream body = requestFile.getInputStream()) {
            Espds.Stored stored = espds.get().upload(tenant.id(), consortium(), requestFile.getFileName(),
                    body.readNBytes(Espds.MAX_REQUEST_BYTES + 1));
            texts.inform("bids.espd.uploaded", stored.request().version(), stored.request().criteria().size());
        }
        requestFile = null;
        showEspd();
    }

    @ManagesTenders
    public void declare() {
        espds.get().declare(tenant.id(), consortium(), size);
        texts.inform("bids.espd.declared");
        showEspd();
    }

    @ManagesTenders
    public void withdraw() {
        espds.get().withdraw(tenant.id(), consortium());
        texts.inform("bids.espd.withdrawn");
        showEspd();
    }

    /** A member's ESPD, checked against the model's rules, in place of the page. */
    @ReadsTenders
    public void downloadEspd(long member, String lot) throws IOException {
        try {
            Espds.Response response = espds.get().response(tenant.id(), consortium(), member, Optional.ofNullable(lot));
            FileDownload.send(FileDownload.attachment(response.fileName()), "application/xml",
                    out -> out.write(response.xml()));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    /** The reason a member's response leaves a criterion to complete, in the reader's language. */
    public String reason(String key) {
        return HubTexts.format("coop.intercoop.hub.tenders.refusals", texts.locale(), key);
    }

    /** The bid's price, worked out now, and its lines in the form; none until the lead prices it. */
    @ReadsTenders
    public void showPrice() {
        try {
            priced = pricings.get().find(tenant.id(), consortium());
            edit(priced);
        } catch (NotFoundException none) {
            priced = null;
            texts.inform("bids.price.none");
        }
    }

    private void edit(Pricings.Priced p) {
        annualHours = p.parameters().annualHours();
        overheadRate = p.parameters().overheadRate();
        marginRate = p.parameters().marginRate();
        employerRate = p.parameters().employerRate();
        lines = new ArrayList<>(p.lines().stream().map(LineForm::of).toList());
        pricingVersion = p.version();
    }

    public void addLine() {
        lines.add(new LineForm());
    }

    public void removeLine(LineForm line) {
        lines.remove(line);
    }

    /** The lead prices the bid with the form's figures and lines, through the same rules as the API. */
    @ManagesTenders
    public void savePrice() {
        priced = pricings.get().save(tenant.id(), consortium(),
                new Pricing.Parameters(annualHours, overheadRate, marginRate, employerRate),
                lines.stream().map(LineForm::line).toList(), Optional.ofNullable(pricingVersion));
        edit(priced);
        texts.inform("bids.price.saved");
    }

    public Pricing.Source[] getSources() {
        return Pricing.Source.values();
    }

    @ReadsTenders
    public void downloadPrice() throws IOException {
        try {
            Pricings.Priced p = pricings.get().find(tenant.id(), consortium());
            java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
            p.workspace().members().forEach(m -> names.put(m, organisations.get().find(m).getName()));
            byte[] workbook = pricings.get().workbook(p, names);
            FileDownload.send(Xlsx.attachment("precio-" + consortium()), Xlsx.MEDIA_TYPE, out -> out.write(workbook));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @ReadsTenders
    public List<BidDocuments.Document> getDocuments() {
        return bids.getWorkspace() == null ? List.of() : documents.get().list(tenant.id(), consortium());
    }

    @ManagesTenders
    public void uploadDocument() throws IOException {
        if (documentFile == null || documentFile.getSize() == 0) {
            throw new InvalidTenderInputException("documentFile", "document.size", 0);
        }
        try (InputStream body = documentFile.getInputStream()) {
            BidDocuments.Document kept = documents.get().upload(tenant.id(), consortium(), documentEnvelope,
                    documentFile.getFileName(), documentFile.getContentType(), body);
            texts.inform("bids.document.uploaded", kept.fileName());
        }
        documentFile = null;
    }

    @ReadsTenders
    public void downloadDocument(BidDocuments.Document document) throws IOException {
        byte[] content = documents.get().content(tenant.id(), consortium(), document.id());
        FileDownload.send(FileDownload.attachment(document.fileName()), document.contentType(),
                out -> out.write(content));
    }

    @ManagesTenders
    public void deleteDocument(BidDocuments.Document document) {
        documents.get().delete(tenant.id(), consortium(), document.id());
        texts.inform("bids.document.deleted", document.fileName());
    }

    @ManagesTenders
    public void askPackage() {
        packageId = packages.get().start(tenant.id(), consortium(), representative, texts.locale(),
                caller.user().getId());
        texts.inform("bids.package.asked");
    }

    /** The package asked for on this page, as it stands now; null when none was. */
    @ReadsTenders
    public BidPackages.Package getPackage() {
        long consortium = consortium();
        return packageId == null ? null : packages.get().find(tenant.id(), consortium, packageId);
    }

    @ReadsTenders
    public void downloadPackage() throws IOException {
        packages.get().built(tenant.id(), consortium(), packageId);
        long org = tenant.id();
        long id = packageId;
        FileDownload.send(FileDownload.attachment("oferta-" + consortium() + "-" + id + ".zip"), "application/zip",
                out -> packages.get().stream(org, id, out));
    }

    public boolean isMine(BidDocuments.Document document) {
        return document.orgId() == tenant.id();
    }

    public String name(long organisation) {
        return organisations.get().find(organisation).getName();
    }

    /**
     * Each member's contribution to the consortium's turnover and staff as a Chart.js bar chart ({@code p:chart}'s
     * value), on two axes; null until the solvency is shown.
     */
    public String getChart() {
        Solvency.Report report = getReport();
        if (report == null) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder turnover = Json.createArrayBuilder();
        JsonArrayBuilder staff = Json.createArrayBuilder();
        for (Solvency.MemberFigures m : report.members()) {
            labels.add(name(m.orgId()));
            turnover.add(m.best().map(Solvency.Turnover::amount).orElse(BigDecimal.ZERO));
            staff.add(latest(m).map(Workforce.Staff::average).orElse(BigDecimal.ZERO));
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data",
                        Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", texts.get("bids.solvency.turnover"))
                                        .add("data", turnover).add("yAxisID", "y"))
                                .add(Json.createObjectBuilder().add("label", texts.get("bids.solvency.staff"))
                                        .add("data", staff).add("yAxisID", "staff"))))
                .add("options",
                        Json.createObjectBuilder().add("responsive", true).add("scales",
                                Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("position", "left"))
                                        .add("staff", Json.createObjectBuilder().add("position", "right"))))
                .build().toString();
    }

    /** The member's latest year of staff it consented to. */
    public Optional<Workforce.Staff> latest(Solvency.MemberFigures member) {
        return member.staff().stream().max(java.util.Comparator.comparingInt(Workforce.Staff::year));
    }

    /**
     * The solvency the tender asks for where its clauses set none, and whether the consortium meets it; or why it
     * cannot be worked out. Empty until the solvency is shown, or without a bid.
     */
    public String getSolvencyDefaults() {
        Solvency.Report shown = getReport();
        if (shown == null || shown.against().isEmpty()) {
            return null;
        }
        Solvency.Against against = shown.against().get();
        var required = against.requirements();
        if (required.missing().isPresent()) {
            return texts.get("bids.solvency.defaults.missing." + required.missing().get());
        }
        return texts.format("bids.solvency.defaults", required.turnover().get(),
                texts.get(against.turnoverMet().get() ? "bids.solvency.met" : "bids.solvency.notMet"),
                required.services().get(),
                texts.get(against.servicesMet().get() ? "bids.solvency.met" : "bids.solvency.notMet"));
    }

    public Solvency.Report getReport() {
        consortium();
        return report;
    }

    public Espds.Stored getRequest() {
        consortium();
        return request;
    }

    public List<String> getEspdLots() {
        return espdLots;
    }

    public List<Espds.MemberPreview> getPreview() {
        consortium();
        return preview;
    }

    public List<Espds.Requirement> getRequirements() {
        consortium();
        return requirements;
    }

    public Pricings.Priced getPriced() {
        consortium();
        return priced;
    }

    public List<String> getSizes() {
        return List.copyOf(new java.util.TreeSet<>(Espds.SIZES));
    }

    public BidItem.Envelope[] getEnvelopes() {
        return BidItem.Envelope.values();
    }

    public BigDecimal getAnnualHours() {
        return annualHours;
    }

    public void setAnnualHours(BigDecimal annualHours) {
        this.annualHours = annualHours;
    }

    public BigDecimal getOverheadRate() {
        return overheadRate;
    }

    public void setOverheadRate(BigDecimal overheadRate) {
        this.overheadRate = overheadRate;
    }

    public BigDecimal getMarginRate() {
        return marginRate;
    }

    public void setMarginRate(BigDecimal marginRate) {
        this.marginRate = marginRate;
    }

    public BigDecimal getEmployerRate() {
        return employerRate;
    }

    public void setEmployerRate(BigDecimal employerRate) {
        this.employerRate = employerRate;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public UploadedFile getRequestFile() {
        return requestFile;
    }

    public void setRequestFile(UploadedFile requestFile) {
        this.requestFile = requestFile;
    }

    public UploadedFile getDocumentFile() {
        return documentFile;
    }

    public void setDocumentFile(UploadedFile documentFile) {
        this.documentFile = documentFile;
    }

    public BidItem.Envelope getDocumentEnvelope() {
        return documentEnvelope;
    }

    public void setDocumentEnvelope(BidItem.Envelope documentEnvelope) {
        this.documentEnvelope = documentEnvelope;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getRepresentative() {
        return representative;
    }

    public void setRepresentative(String representative) {
        this.representative = representative;
    }
}
