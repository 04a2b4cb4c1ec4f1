package coop.intercoop.hub.tenders.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenders.control.Certificates;
import coop.intercoop.hub.tenders.control.ConsortiumBids;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.Bid;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.Certificate;

/**
 * The bids of the consortia the organisation belongs to ({@code /org/tenders/bids.xhtml}), for those who read the
 * tenders: a consortium's bid with its tender, lots, decision, scorecard, the members and their certificates checked
 * against the deadline, and each envelope's checklist; items added and ticked off, and the decision recorded by the
 * lead, through the same control and rules as the API ({@link ConsortiumBids}).
 */
@Named
@ViewScoped
public class BidsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<Consortia> consortia;

    @Inject
    Instance<ConsortiumBids> bids;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    private List<Consortium> list = List.of();
    private Long consortiumId;
    private ConsortiumBids.Workspace workspace;
    private List<Certificates.Held> certificates = List.of();
    private BidItem.Envelope envelope;
    private String title;
    private Long owner;
    private LocalDate dueDate;
    private List<ScoreLine> scoreLines = new java.util.ArrayList<>();

    /** A line of the scorecard as the form edits it. */
    public static class ScoreLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private String criterion;
        private java.math.BigDecimal weight;
        private java.math.BigDecimal score;
        private String note;

        public String getCriterion() {
            return criterion;
        }

        public void setCriterion(String criterion) {
            this.criterion = criterion;
        }

        public java.math.BigDecimal getWeight() {
            return weight;
        }

        public void setWeight(java.math.BigDecimal weight) {
            this.weight = weight;
        }

        public java.math.BigDecimal getScore() {
            return score;
        }

        public void setScore(java.math.BigDecimal score) {
            this.score = score;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    @ReadsTenders
    public void load() {
        list = consortia.get().of(tenant.id());
        if (consortiumId != null) {
            show(consortiumId);
        }
    }

    /** The consortium's bid; none yet when the lead has not aimed it at a tender. */
    @ReadsTenders
    public void show(long id) {
        consortiumId = id;
        try {
            workspace = bids.get().find(tenant.id(), id);
            certificates = bids.get().certificates(workspace);
            // read while the transaction lasts: the page renders after it
            workspace.bid().getItems().size();
            scoreLines = new java.util.ArrayList<>(workspace.bid().getScorecard().stream().map(s -> {
                ScoreLine line = new ScoreLine();
                line.criterion = s.getCriterion();
                line.weight = s.getWeight();
                line.score = s.getScore();
                line.note = s.getNote();
                return line;
            }).toList());
        } catch (NotFoundException none) {
            workspace = null;
            certificates = List.of();
            scoreLines = new java.util.ArrayList<>();
        }
    }

    public void addScoreLine() {
        scoreLines.add(new ScoreLine());
    }

    public void removeScoreLine(int index) {
        if (index >= 0 && index < scoreLines.size()) {
            scoreLines.remove(index);
        }
    }

    /** Saves the scorecard with the bid's version read, through the API's rules; every bad line refused at once. */
    @ManagesTenders
    public void saveScorecard() {
        bids.get().score(tenant.id(), consortiumId,
                scoreLines.stream().map(l -> new Bid.Score(l.criterion, l.weight, l.score, l.note)).toList(),
                workspace.bid().getVersion());
        texts.inform("bids.scorecard.saved");
        show(consortiumId);
    }

    public List<ScoreLine> getScoreLines() {
        return scoreLines;
    }

    @ManagesTenders
    public void addItem() {
        bids.get().addItem(tenant.id(), consortiumId, envelope, title, owner, dueDate);
        texts.inform("bids.item.added", title.strip());
        envelope = null;
        title = null;
        owner = null;
        dueDate = null;
        show(consortiumId);
    }

    @ManagesTenders
    public void toggle(BidItem item) {
        bids.get().done(tenant.id(), consortiumId, item.getId(), item.getVersion(), item.getDoneAt() == null);
        show(consortiumId);
    }

    @ManagesTenders
    public void decide(String decision) {
        bids.get().decide(tenant.id(), consortiumId, decision == null ? null : Bid.Decision.valueOf(decision),
                workspace.bid().getVersion());
        texts.inform("bids.decided");
        show(consortiumId);
    }

    public boolean isManages() {
        return tenant.may(ManagesTenders.class);
    }

    public boolean isLead() {
        return workspace != null && workspace.consortium().isLead(tenant.id());
    }

    public String name(long organisation) {
        return organisations.get().find(organisation).getName();
    }

    /** The day certificates are checked on: the tender's deadline, else today. */
    public LocalDate getChecked() {
        return workspace == null ? LocalDate.now(Watches.PENINSULAR) : workspace.checkedOn();
    }

    public boolean holds(long organisation, String kind) {
        return Certificates.holds(certificates, organisation, Certificate.Kind.valueOf(kind), getChecked());
    }

    public boolean late(BidItem item) {
        return item.isLate(LocalDate.now(Watches.PENINSULAR));
    }

    public List<BidItem> items(String envelopeName) {
        return workspace == null ? List.of()
                : workspace.bid().getItems().stream()
                        .filter(i -> i.getEnvelope() == BidItem.Envelope.valueOf(envelopeName)).toList();
    }

    public List<Long> getMembers() {
        return workspace == null ? List.of() : workspace.members();
    }

    public List<Consortium> getList() {
        return list;
    }

    public Long getConsortiumId() {
        return consortiumId;
    }

    public Consortium getConsortium() {
        return list.stream().filter(c -> c.getId().equals(consortiumId)).findFirst().orElse(null);
    }

    public ConsortiumBids.Workspace getWorkspace() {
        return workspace;
    }

    public List<Certificates.Held> getCertificates() {
        return certificates;
    }

    public Optional<java.math.BigDecimal> getWeightedScore() {
        return workspace == null ? Optional.empty() : workspace.bid().weightedScore();
    }

    public BidItem.Envelope[] getEnvelopes() {
        return BidItem.Envelope.values();
    }

    public BidItem.Envelope getEnvelope() {
        return envelope;
    }

    public void setEnvelope(BidItem.Envelope envelope) {
        this.envelope = envelope;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Long getOwner() {
        return owner;
    }

    public void setOwner(Long owner) {
        this.owner = owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }
}
