package coop.intercoop.hub.accounting.boundary;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import coop.intercoop.hub.platform.faces.PortalModule;

/** Accounting in the portal's navigation: seen by those who read the books; a new entry by those who keep them. */
@ApplicationScoped
public class AccountingModule implements PortalModule {

    private static final String PAGES = "/org/accounting/";

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "nav.accounting";
    }

    @Override
    public Class<? extends Annotation> permission() {
        return ReadsBooks.class;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.of("navChart", PAGES + "chart", "nav.chart"),
                Link.of("navProjects", PAGES + "projects", "nav.projects"),
                Link.of("navGrants", PAGES + "grants", "nav.grants"),
                Link.of("navFiscalYears", PAGES + "fiscal-years", "nav.fiscalYears"),
                new Link("navEntries", PAGES + "entries", "nav.entries", null,
                        List.of(PAGES + "entries.xhtml", PAGES + "entry.xhtml")),
                Link.of("navDrafts", PAGES + "drafts", "nav.drafts"),
                Link.of("navTrialBalance", PAGES + "trial-balance", "nav.trialBalance"),
                Link.of("navLedger", PAGES + "ledger", "nav.ledger"),
                Link.of("navJournal", PAGES + "journal", "nav.journal"),
                Link.of("navBalanceSheet", PAGES + "balance-sheet", "nav.balanceSheet"),
                Link.of("navResults", PAGES + "results", "nav.results"),
                Link.of("navEquityChanges", PAGES + "equity-changes", "nav.equityChanges"),
                Link.of("navGrantExecution", PAGES + "grant-execution", "nav.grantExecution"),
                Link.of("navConsolidated", PAGES + "consolidated", "nav.consolidated"),
                Link.of("navIntegrity", PAGES + "integrity", "nav.integrity"), new Link("navNewEntry",
                        PAGES + "new-entry", "nav.newEntry", KeepsBooks.class, List.of(PAGES + "new-entry.xhtml")));
    }
}
