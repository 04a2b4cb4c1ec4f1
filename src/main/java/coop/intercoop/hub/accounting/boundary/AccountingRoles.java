package coop.intercoop.hub.accounting.boundary;

import java.util.Arrays;

import coop.intercoop.hub.tenancy.control.RoleCheck;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/** Who may do what with an organisation's books: the roles of {@link KeepsBooks} and {@link ReadsBooks}. */
final class AccountingRoles {

    /** Keep the books: build the chart, add accounts, open years, move the locks. */
    static final Role[] KEEP = RoleCheck.rolesOf(KeepsBooks.class);
    /** Read the books; auditors read only. */
    static final Role[] READ = RoleCheck.rolesOf(ReadsBooks.class);

    /**
     * Whether the membership reads the organisation's books: what lets an organisation's figures into a consolidated
     * report, over the caller's organisations or a consortium's.
     */
    static boolean readsTheBooks(Membership membership) {
        return Arrays.stream(READ).anyMatch(membership::has);
    }

    private AccountingRoles() {
    }
}
