package coop.intercoop.hub.portal.boundary;

import java.io.Serializable;

import jakarta.enterprise.context.SessionScoped;

/**
 * The organisation the user last worked in, remembered for the session. It is only a preference: every request to an
 * organisation's page is checked again against the caller's memberships ({@link OrganisationFilter}).
 */
@SessionScoped
public class OrganisationSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long orgId;

    public Long orgId() {
        return orgId;
    }

    public void select(Long checkedOrgId) {
        this.orgId = checkedOrgId;
    }

    public void clear() {
        this.orgId = null;
    }
}
