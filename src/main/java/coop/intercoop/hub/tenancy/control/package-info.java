/**
 * The organisation a request acts in ({@link coop.intercoop.hub.tenancy.control.Tenant}), checked against the caller's
 * memberships on every request; which organisations of a list the caller may read across organisations
 * ({@link coop.intercoop.hub.tenancy.control.CallerOrganisations}); and the stores of organisations, work centres and
 * memberships.
 */
package coop.intercoop.hub.tenancy.control;
