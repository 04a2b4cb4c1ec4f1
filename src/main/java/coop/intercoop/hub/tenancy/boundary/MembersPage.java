package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * The page of the organisation's members ({@code /org/members.xhtml}): every member sees who belongs and with which
 * roles; org-admins invite users by name (the user accepts in their account), change roles and the usual work centre,
 * and revoke access.
 */
@Named
@ViewScoped
public class MembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Memberships> memberships;

    @Inject
    Instance<Users> users;

    @Inject
    Instance<WorkCentres> workCentres;

    @Inject
    Texts texts;

    @Inject
    Caller caller;

    /** A membership with the user it is of. */
    public static final class Member implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Membership membership;
        private final User user;

        Member(Membership membership, User user) {
            this.membership = membership;
            this.user = user;
        }

        public Membership getMembership() {
            return membership;
        }

        public User getUser() {
            return user;
        }
    }

    private List<Member> members = List.of();
    private List<WorkCentre> centres = List.of();
    private Map<Long, String> centreNames = Map.of();
    private MembershipForm form = new MembershipForm();
    private boolean editable;

    @Transactional
    @Tenanted
    public void load() {
        editable = tenant.has(Role.ORG_ADMIN);
        refresh();
    }

    public void grant() {
        form = new MembershipForm();
    }

    public void change(Member member) {
        form = MembershipForm.of(member.getMembership(), member.getUser().getUsername());
    }

    @AdministersOrganisation
    public void save() {
        if (form.getId() == null) {
            String username = form.getUsername().strip();
            memberships.get().invite(tenant.id(), username, form.roleSet(), form.getWorkCentreId(), caller.user());
            texts.inform("members.invited", username);
        } else {
            memberships.get().change(tenant.id(), form.getId(), form.getVersion(), form.roleSet(),
                    form.getWorkCentreId());
            texts.inform("members.changed");
        }
        form = new MembershipForm();
        refresh();
    }

    @AdministersOrganisation
    public void revoke(Member member) {
        memberships.get().revoke(tenant.id(), member.getMembership().getId());
        texts.inform("members.revoked");
        refresh();
    }

    private void refresh() {
        Users people = users.get();
        members = memberships.get().in(tenant.id()).stream().map(m -> new Member(m, people.find(m.getUserId())))
                .toList();
        centres = workCentres.get().all();
        centreNames = centres.stream().collect(Collectors.toMap(WorkCentre::getId, WorkCentre::getName));
    }

    public List<Member> getMembers() {
        return members;
    }

    public List<WorkCentre> getCentres() {
        return centres;
    }

    public Map<Long, String> getCentreNames() {
        return centreNames;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public MembershipForm getForm() {
        return form;
    }

    public boolean isEditable() {
        return editable;
    }
}
