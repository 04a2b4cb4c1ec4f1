package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.control.InUseException;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's grants ({@code /org/accounting/grants.xhtml}) with their budget lines: those who keep the books
 * record, change and delete them (while nothing refers to them); auditors read them.
 */
@Named
@ViewScoped
public class GrantsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Analytics> analytics;

    @Inject
    Texts texts;

    private List<Analytics.GrantView> grants = List.of();
    private boolean editable;
    private GrantForm form = new GrantForm();

    @ReadsBooks
    public void load() {
        editable = tenant.may(KeepsBooks.class);
        refresh();
    }

    public void add() {
        form = new GrantForm();
        form.addRow();
    }

    public void edit(Analytics.GrantView grant) {
        form = GrantForm.of(grant);
    }

    @KeepsBooks
    public void save() {
        if (form.getEditing() == null) {
            Analytics.GrantView created = analytics.get().createGrant(form.grant());
            texts.inform("grants.created", created.code());
        } else {
            analytics.get().changeGrant(form.getEditing(), form.grant());
            texts.inform("grants.changed", form.getEditing());
        }
        form = new GrantForm();
        refresh();
    }

    @KeepsBooks
    public void delete(Analytics.GrantView grant) {
        try {
            analytics.get().deleteGrant(grant.code());
            texts.inform("grants.deleted", grant.code());
        } catch (InUseException refused) {
            texts.refuse(refused);
        }
        refresh();
    }

    private void refresh() {
        grants = analytics.get().grants();
    }

    public List<Analytics.GrantView> getGrants() {
        return grants;
    }

    public boolean isEditable() {
        return editable;
    }

    public GrantForm getForm() {
        return form;
    }
}
