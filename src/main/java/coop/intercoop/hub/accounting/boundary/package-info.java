/**
 * The accounting API under {@code /api/v1/orgs/{org}/accounting}: the chart of accounts, fiscal years and lock dates.
 * Org-admins and accountants keep them; auditors read them.
 */
package coop.intercoop.hub.accounting.boundary;
