package coop.intercoop.hub.accounting.boundary;

import java.util.Arrays;

import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/** Who may do what with an organisation's books. */
final class AccountingRoles {

    /** Keep the books: build the chart, add accounts, open years, move the locks. */
    static final Role[] KEEP = { Role.ORG_ADMIN, Role.ACCOUNTANT };
    /** Read the books; auditors read only. */
    static final Role[] READ = { Role.ORG_ADMIN, Role.ACCOUNTANT, Role.AUDITOR };

    /** Whether the caller keeps this organisation's books; the portal shows its forms only then. */
    static boolean keeps(Tenant tenant) {
        return Arrays.stream(KEEP).anyMatch(tenant::has);
    }

    private AccountingRoles() {
    }
}
