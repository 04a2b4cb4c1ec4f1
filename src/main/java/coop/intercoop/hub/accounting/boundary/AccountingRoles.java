package coop.intercoop.hub.accounting.boundary;

import coop.intercoop.hub.tenancy.control.RoleCheck;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The roles that read an organisation's books, those of {@link ReadsBooks}: what lets an organisation's figures into a
 * consolidated report, over the caller's organisations or a consortium's.
 */
final class AccountingRoles {

    static final Role[] READ = RoleCheck.rolesOf(ReadsBooks.class);

    private AccountingRoles() {
    }
}
