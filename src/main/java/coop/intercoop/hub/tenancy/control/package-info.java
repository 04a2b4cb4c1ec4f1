/**
 * The organisation a request acts in ({@link coop.intercoop.hub.tenancy.control.Tenant}), checked against the caller's
 * memberships on every request (and when a background job enters its organisation as its owner,
 * {@link coop.intercoop.hub.tenancy.control.JobOwnerAccess}); which organisations of a list the caller may read across
 * organisations ({@link coop.intercoop.hub.tenancy.control.CallerOrganisations}); the roles a boundary declares,
 * checked by {@link coop.intercoop.hub.tenancy.control.RoleCheck}; and the stores of organisations, work centres and
 * memberships.
 */
package coop.intercoop.hub.tenancy.control;
