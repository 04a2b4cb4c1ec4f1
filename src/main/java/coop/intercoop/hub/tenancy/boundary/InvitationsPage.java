package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.MembershipInvitation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The signed-in user's invitations to become a member of an organisation ({@code /account/invitations.xhtml}): they
 * accept or decline each; the membership starts on acceptance.
 */
@Named
@ViewScoped
public class InvitationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Inject
    Instance<Memberships> memberships;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Texts texts;

    /** An invitation as the page lists it. */
    public record Invitation(long id, String organisation, String taxId, List<String> roles) implements Serializable {
    }

    private List<Invitation> invitations = List.of();

    @Transactional
    public void load() {
        refresh();
    }

    @Transactional
    public void accept(Invitation invitation) {
        memberships.get().accept(caller.user(), invitation.id());
        texts.inform("invitations.accepted", invitation.organisation());
        refresh();
    }

    @Transactional
    public void decline(Invitation invitation) {
        memberships.get().decline(caller.user(), invitation.id());
        texts.inform("invitations.declined", invitation.organisation());
        refresh();
    }

    private void refresh() {
        Organisations orgs = organisations.get();
        invitations = memberships.get().invitationsOf(caller.user()).stream().map((MembershipInvitation i) -> {
            var org = orgs.find(i.getOrgId());
            return new Invitation(i.getId(), org.getName(), org.getTaxId(),
                    i.getRoles().stream().map(Role::code).sorted().toList());
        }).toList();
    }

    public List<Invitation> getInvitations() {
        return invitations;
    }
}
