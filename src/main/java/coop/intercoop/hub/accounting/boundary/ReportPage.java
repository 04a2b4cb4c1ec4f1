package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * A report of the organisation's books on a portal page: opened on the parameters it suggests, shown on screen and
 * downloaded as a spreadsheet. Each of these actions is one transaction in the organisation checked for its request,
 * and needs a role there that reads the books (org-admin, accountant or auditor); a page says only what it asks for,
 * how it reads its report and how it writes it.
 * <p>
 * The actions are declared here with their interceptor bindings, which a page inherits as long as it does not override
 * them.
 *
 * @param <R>
 *            the report the page shows
 */
public abstract class ReportPage<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    private R report;

    /** The view action of the page's GET request. */
    @ReadsBooks
    public void load() {
        open();
    }

    /**
     * Shows the report of the parameters at the page's own address: the page is asked for again with the parameters in
     * its URL (its view parameters), so that a reload or a bookmark shows the same report.
     */
    public String showAtAddress() {
        return thisAddress();
    }

    /** The outcome that asks for the current page again with its view parameters in the URL. */
    static String thisAddress() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    /** Shows the report of the parameters on the page. */
    @ReadsBooks
    public void show() {
        report = null;
        report = read();
    }

    /**
     * Answers a non-ajax request with the report of the parameters as a spreadsheet instead of the page.
     *
     * @throws IOException
     *             if the spreadsheet cannot be written to the response
     */
    @ReadsBooks
    public void download() throws IOException {
        send();
    }

    /**
     * Chooses the parameters the page opens on, those of its address first (read as the API reads them, a bad one
     * refused next to its input), and shows the report when they are all it needs.
     */
    abstract void open();

    /**
     * The report of the parameters, which the page shows in place of the one it showed; that one is forgotten first, so
     * that a refused report leaves none on the page.
     */
    abstract R read();

    /** Writes the report of the parameters to the response as a spreadsheet, through {@link WorkbookDownload}. */
    abstract void send() throws IOException;

    /** The report shown; none until one is read. */
    R report() {
        return report;
    }

    /**
     * The rows of a report too long for one page, read a page at a time as the table asks for them; each in the
     * organisation checked for its own request, with the role checked again, never in one remembered by the view.
     */
    abstract class Rows<T> extends LazyDataModel<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsBooks.class);
            return Math.toIntExact(total());
        }

        @Override
        public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsBooks.class);
            return page(first, pageSize);
        }

        /** How many rows the report has. */
        abstract long total();

        /** The rows from {@code first}, at most {@code size} of them. */
        abstract List<T> page(int first, int size);
    }
}
