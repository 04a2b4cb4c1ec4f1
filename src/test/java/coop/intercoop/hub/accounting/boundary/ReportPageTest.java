package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.control.RoleChecked;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The report pages act through the actions of {@link ReportPage}: an action a page declared again would carry only its
 * own interceptor bindings, and could leave out the role check.
 */
class ReportPageTest {

    private static final List<String> ACTIONS = List.of("load", "show", "download");
    private static final List<Class<? extends ReportPage<?>>> PAGES = List.of(JournalReportPage.class,
            GeneralLedgerPage.class, ResultsPage.class, BalanceSheetPage.class, TrialBalancePage.class,
            GrantExecutionPage.class);

    /** Reading the books declares the role check, the organisation's persistence context and the transaction. */
    @Test
    void everyActionReadsTheBooksInATransactionOfTheCheckedOrganisation() throws NoSuchMethodException {
        for (String action : ACTIONS) {
            Method method = ReportPage.class.getMethod(action);
            assertTrue(method.isAnnotationPresent(ReadsBooks.class), action);
        }
        assertTrue(ReadsBooks.class.isAnnotationPresent(RoleChecked.class));
        assertTrue(ReadsBooks.class.isAnnotationPresent(Tenanted.class));
        assertTrue(Tenanted.class.isAnnotationPresent(Transactional.class));
    }

    @Test
    void noPageDeclaresAnActionAgain() {
        for (Class<?> page : PAGES) {
            for (Class<?> type = page; type != ReportPage.class; type = type.getSuperclass()) {
                Class<?> declaring = type;
                for (String action : ACTIONS) {
                    assertThrows(NoSuchMethodException.class, () -> declaring.getDeclaredMethod(action),
                            declaring.getSimpleName() + "." + action);
                }
            }
        }
    }
}
