package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.Anchors;
import coop.intercoop.hub.audit.control.AuditChain;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Checks the checked organisation's tamper evidence: recomputes its ledger's chain from the posted rows as they are
 * now, in posting order ({@link LedgerChain}), and its audit log's chain ({@link AuditChain}), and compares both with
 * the anchors written outside the database ({@link Anchors}). Names the first entry (or event) that no longer matches:
 * content changed after posting, a link to the previous entry broken, an entry missing, a position whose digest differs
 * from its anchor, a chain shorter than an anchor recorded, or an anchor line that does not carry the hub's signature.
 * Then the fiscal years' sealed numberings by date ({@link Legalisation#verify}): a legal number changed, added or
 * removed, or a numbering removed, is named as the first break when the ledger itself is intact.
 */
@Dependent
public class Integrity {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    LedgerChain ledger;

    @Inject
    AuditChain auditChain;

    @Inject
    Anchors anchors;

    @Inject
    Legalisation legalisation;

    public record Broken(Long id, Integer fiscalYear, Integer number, String reason) {
    }

    /** The latest anchor of the ledger that the check compared with: the position it recorded and when. */
    public record Anchored(long position, Instant at) {
    }

    /**
     * The outcome: {@code intact} when the ledger, the audit log and the anchors all agree; the ledger's entries
     * checked and first broken entry; the latest anchor compared; the audit log's own outcome.
     */
    public record Report(boolean intact, long entriesChecked, Broken firstBroken, Anchored anchored,
            AuditChain.Result audit) {
    }

    public Report check() {
        long org = tenant.id();
        Anchors.Found ledgerAnchors = anchors.of(LedgerChain.NAME, org);
        Anchors.Found auditAnchors = anchors.of("audit", org);
        LedgerChain.Walk walk;
        Broken numbering;
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Anchors.Anchor> bySeq = new HashMap<>();
            ledgerAnchors.anchors().forEach(a -> bySeq.put(a.seq(), a));
            walk = ledger.walk(c, org, null, bySeq, true);
            numbering = legalisation.verify(c, org).orElse(null);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        Broken broken = walk.broken();
        if (broken == null && ledgerAnchors.forged() > 0) {
            broken = new Broken(null, null, null, ledgerAnchors.forged() + " anchor line(s) of this organisation's "
                    + "ledger do not carry the hub's signature: the anchor file was tampered with.");
        }
        if (broken == null) {
            broken = numbering;
        }
        AuditChain.Result auditResult = auditChain.verify(org, auditAnchors.anchors());
        if (auditResult.intact() && auditAnchors.forged() > 0) {
            auditResult = new AuditChain.Result(false, auditResult.eventsChecked(), null, auditAnchors.forged()
                    + " anchor line(s) of this organisation's audit log do not carry the hub's signature: the anchor "
                    + "file was tampered with.");
        }
        Anchored anchored = ledgerAnchors.latest().map(a -> new Anchored(a.seq(), a.at())).orElse(null);
        Report report = new Report(broken == null && auditResult.intact(), walk.checked(), broken, anchored,
                auditResult);
        audit.record(org, "accounting.integrity-checked", "ledger", String.valueOf(org),
                report.intact()
                        ? report.entriesChecked() + " entries and " + auditResult.eventsChecked()
                                + " audit events intact"
                        : "broken at " + (broken != null ? broken.reason() : auditResult.reason()));
        return report;
    }
}
