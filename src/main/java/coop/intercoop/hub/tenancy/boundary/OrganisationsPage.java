package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.security.control.HubAdministration;

/**
 * The register of organisations ({@code /admin/organisations.xhtml}), for the hub administrator: register, rename, and
 * grant a membership such as the first org-admin of a new organisation. It shows no organisation's business data.
 */
@Named
@ViewScoped
public class OrganisationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Instance<Memberships> memberships;

    @Inject
    Texts texts;

    private List<Organisation> all = List.of();
    private OrganisationForm form = new OrganisationForm();
    private Organisation grantee;
    private MembershipForm grant = new MembershipForm();

    @HubAdministration
    public void load() {
        all = organisations.get().all();
    }

    public void register() {
        form = new OrganisationForm();
    }

    public void rename(Organisation organisation) {
        form = OrganisationForm.of(organisation);
    }

    @HubAdministration
    public void save() {
        if (form.getId() == null) {
            organisations.get().register(form.getTaxId(), form.getName(), form.getType());
            texts.inform("organisations.registered");
        } else {
            organisations.get().change(form.getId(), form.getName(), form.getType());
            texts.inform("organisations.renamed");
        }
        form = new OrganisationForm();
        all = organisations.get().all();
    }

    public void startGrant(Organisation organisation) {
        grantee = organisation;
        grant = new MembershipForm();
        grant.setRoles(new Role[] { Role.ORG_ADMIN });
    }

    @HubAdministration
    public void saveGrant() {
        organisations.get().find(grantee.getId());
        memberships.get().grant(grantee.getId(), grant.getUsername().strip(), grant.roleSet(), null);
        texts.inform("organisations.granted");
        grant = new MembershipForm();
    }

    public List<Organisation> getAll() {
        return all;
    }

    public OrganisationForm getForm() {
        return form;
    }

    public Organisation getGrantee() {
        return grantee;
    }

    public MembershipForm getGrant() {
        return grant;
    }

    public OrganisationType[] getTypes() {
        return OrganisationType.values();
    }

    public Role[] getRoles() {
        return Role.values();
    }
}
