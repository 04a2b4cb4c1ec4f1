package coop.intercoop.hub.portal.boundary;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import coop.intercoop.hub.audit.boundary.ReadsAudit;
import coop.intercoop.hub.platform.faces.PortalModule;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.boundary.FirstAdmin;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.RoleCheck;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The frame of every page: who is signed in, the organisations they may switch between (their memberships, and only
 * those), the selected one with their roles there, and sign-out. On an organisation's page the selection is the
 * organisation {@link OrganisationFilter} checked for this request.
 */
@Named
@RequestScoped
public class Shell {

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Organisations organisations;

    @Inject
    Tenant tenant;

    @Inject
    OrganisationSelection selection;

    @Inject
    Texts texts;

    @Inject
    @Any
    Instance<PortalModule> modules;

    private User user;
    private List<Organisation> memberOf;
    private Organisation organisation;
    private Long orgId;
    private List<Role> roles = List.of();
    private Set<Role> held = Set.of();

    @PostConstruct
    void init() {
        user = caller.user();
        Map<Long, Membership> byOrg = memberships.of(user).stream()
                .collect(Collectors.toMap(Membership::getOrgId, Function.identity()));
        memberOf = byOrg.keySet().stream().map(organisations::find)
                .sorted(Comparator.comparing(Organisation::getName, String.CASE_INSENSITIVE_ORDER)).toList();
        Long selected = tenant.isEntered() ? Long.valueOf(tenant.id()) : selection.orgId();
        if (selected == null || !byOrg.containsKey(selected)) {
            selected = memberOf.isEmpty() ? null : memberOf.get(0).getId();
            selection.select(selected);
        }
        if (selected != null) {
            Long id = selected;
            orgId = id;
            organisation = memberOf.stream().filter(o -> o.getId().equals(id)).findFirst().orElseThrow();
            held = byOrg.get(id).getRoles();
            roles = held.stream().sorted().toList();
        }
    }

    /**
     * The switcher's choice: remembered for the session when it is one of the caller's organisations, then the current
     * page is loaded again for it.
     */
    public void switchOrganisation() throws IOException {
        if (memberOf.stream().anyMatch(o -> o.getId().equals(orgId))) {
            selection.select(orgId);
        }
        FacesContext context = FacesContext.getCurrentInstance();
        String viewId = context.getViewRoot().getViewId();
        String url = context.getApplication().getViewHandler().getRedirectURL(context, viewId, Map.of(), false);
        context.getExternalContext().redirect(url);
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    public User getUser() {
        return user;
    }

    /**
     * The name to greet the user by: the first administrator was created with an English name, which the portal shows
     * in the reader's language.
     */
    public String getUserName() {
        return user.isHubAdmin() && FirstAdmin.FULL_NAME.equals(user.getFullName()) ? texts.get("shell.hubAdmin")
                : user.getFullName();
    }

    public List<Organisation> getOrganisations() {
        return memberOf;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Long getOrgId() {
        return orgId;
    }

    public void setOrgId(Long orgId) {
        this.orgId = orgId;
    }

    public List<Role> getRoles() {
        return roles;
    }

    /** The modules of the navigation, each contributed by its component, in their order. */
    public List<PortalModule> getModules() {
        return modules.stream().sorted(Comparator.comparingInt(PortalModule::order)).toList();
    }

    /**
     * Whether the caller holds a permission (a component's annotation carrying its roles) in the selected organisation;
     * {@code null}, no permission needed, is held by every member.
     */
    public boolean holds(Class<? extends Annotation> permission) {
        return permission == null || Arrays.stream(RoleCheck.rolesOf(permission)).anyMatch(held::contains);
    }

    /** The organisation's audit log is read by the holders of its permission. */
    public boolean isAuditVisible() {
        return holds(ReadsAudit.class);
    }
}
