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
 * The organisation's projects ({@code /org/accounting/projects.xhtml}), the analytic values entry lines are shared
 * across: those who keep the books create, rename and delete them (while nothing refers to them); auditors read them.
 */
@Named
@ViewScoped
public class ProjectsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Analytics> analytics;

    @Inject
    Texts texts;

    private List<Analytics.Project> projects = List.of();
    private boolean editable;
    /** The code of the project being renamed, or null while a new one is being created. */
    private String editing;
    private String code;
    private String name;

    @ReadsBooks
    public void load() {
        editable = tenant.may(KeepsBooks.class);
        refresh();
    }

    public void add() {
        editing = null;
        code = null;
        name = null;
    }

    public void edit(Analytics.Project project) {
        editing = project.code();
        code = project.code();
        name = project.name();
    }

    @KeepsBooks
    public void save() {
        if (editing == null) {
            Analytics.Project created = analytics.get().createProject(code, name);
            texts.inform("projects.created", created.code());
        } else {
            analytics.get().renameProject(editing, name);
            texts.inform("projects.renamed", editing);
        }
        add();
        refresh();
    }

    @KeepsBooks
    public void delete(Analytics.Project project) {
        try {
            analytics.get().deleteProject(project.code());
            texts.inform("projects.deleted", project.code());
        } catch (InUseException refused) {
            texts.refuse(refused);
        }
        refresh();
    }

    private void refresh() {
        projects = analytics.get().projects();
    }

    public List<Analytics.Project> getProjects() {
        return projects;
    }

    public boolean isEditable() {
        return editable;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
