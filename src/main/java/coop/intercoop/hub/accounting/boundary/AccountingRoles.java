package coop.intercoop.hub.accounting.boundary;

import coop.intercoop.hub.tenancy.entity.Role;

/** Who may do what with an organisation's books. */
final class AccountingRoles {

    /** Keep the books: build the chart, add accounts, open years, move the locks. */
    static final Role[] KEEP = { Role.ORG_ADMIN, Role.ACCOUNTANT };
    /** Read the books; auditors read only. */
    static final Role[] READ = { Role.ORG_ADMIN, Role.ACCOUNTANT, Role.AUDITOR };

    private AccountingRoles() {
    }
}
