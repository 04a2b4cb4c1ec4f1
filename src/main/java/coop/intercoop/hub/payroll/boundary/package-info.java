/**
 * Payroll's API: the organisation's employees and their employment contracts, personal data reached only by the roles
 * that handle personnel ({@link coop.intercoop.hub.payroll.boundary.HandlesPersonnel}), each read audited.
 */
package coop.intercoop.hub.payroll.boundary;
