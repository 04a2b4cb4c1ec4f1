package coop.intercoop.hub.tenancy.entity;

import java.util.Arrays;

/** What a member may do in one organisation. The hub administrator is a property of the user, not a role here. */
public enum Role {
    ORG_ADMIN("org-admin"), STAFF("staff"), ACCOUNTANT("accountant"), PREVENTION_TECHNICIAN("prevention-technician"),
    HEALTH_STAFF("health-staff"), TENDER_MANAGER("tender-manager"),
    /** Reads everything of the organisation, changes nothing. */
    AUDITOR("auditor");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new UnknownRoleException(code));
    }
}
