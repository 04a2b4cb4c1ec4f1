package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A line of a bid's bid/no-bid scorecard: what the members weigh, its weight, and the score they give it (0–10). */
@Entity
@Table(name = "bid_score")
public class BidScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bid_id", updatable = false)
    private Bid bid;

    private String criterion;
    private BigDecimal weight;
    private BigDecimal score;
    private String note;

    protected BidScore() {
    }

    BidScore(Bid bid, String criterion, BigDecimal weight, BigDecimal score, String note) {
        this.bid = bid;
        this.criterion = criterion;
        this.weight = weight;
        this.score = score;
        this.note = note;
    }

    public String getCriterion() {
        return criterion;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public BigDecimal getScore() {
        return score;
    }

    public String getNote() {
        return note;
    }
}
