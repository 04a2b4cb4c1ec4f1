package coop.intercoop.hub.audit.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.audit.entity.AuditEvent;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's audit trail ({@code /org/audit.xhtml}), newest first, a page at a time; for its org-admins and
 * auditors. Each page is read in the organisation checked for that request, never in one remembered by the view.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<AuditTrail> auditTrail;

    @Inject
    Texts texts;

    private LazyDataModel<AuditEvent> events;

    @ReadsAudit
    public void load() {
        events = new Events();
    }

    /** What an event's action means, in the view's language; an action without a label shows as recorded. */
    public String label(String action) {
        return texts.find("audit.event." + action).orElse(action);
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    private final class Events extends LazyDataModel<AuditEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsAudit.class);
            return Math.toIntExact(auditTrail.get().count(tenant.id()));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsAudit.class);
            return auditTrail.get().of(tenant.id(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.getId());
        }
    }
}
