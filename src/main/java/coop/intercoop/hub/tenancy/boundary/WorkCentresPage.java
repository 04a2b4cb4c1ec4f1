package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * The page of the organisation's work centres ({@code /org/work-centres.xhtml}): every member reads them, its
 * org-admins add, change and remove them. Each action is one transaction in the organisation checked for its request.
 * <p>
 * The controls are {@code @Dependent} and not serializable, so this view-scoped page looks them up per use.
 */
@Named
@ViewScoped
public class WorkCentresPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<WorkCentres> workCentres;

    @Inject
    Texts texts;

    private List<WorkCentre> centres = List.of();
    private WorkCentreForm form = new WorkCentreForm();
    private boolean editable;

    @Transactional
    @Tenanted
    public void load() {
        editable = tenant.has(Role.ORG_ADMIN);
        centres = workCentres.get().all();
    }

    public void add() {
        form = new WorkCentreForm();
    }

    public void edit(WorkCentre centre) {
        form = WorkCentreForm.of(centre);
    }

    @AdministersOrganisation
    public void save() {
        WorkCentres control = workCentres.get();
        if (form.isNew()) {
            control.create(form.getName(), form.getAddress(), form.getPostalCode(), form.getMunicipality(),
                    form.getCcc());
        } else {
            control.change(form.getId(), form.getVersion(), form.getName(), form.getAddress(), form.getPostalCode(),
                    form.getMunicipality(), form.getCcc());
        }
        centres = control.all();
        form = new WorkCentreForm();
        texts.inform("workCentres.saved");
    }

    @AdministersOrganisation
    public void delete(WorkCentre centre) {
        WorkCentres control = workCentres.get();
        control.delete(centre.getId());
        centres = control.all();
        texts.inform("workCentres.deleted");
    }

    public List<WorkCentre> getCentres() {
        return centres;
    }

    public WorkCentreForm getForm() {
        return form;
    }

    public boolean isEditable() {
        return editable;
    }
}
