/**
 * The accounting API under {@code /api/v1/orgs/{org}/accounting}: the chart of accounts, fiscal years and lock dates,
 * the ledger and its reports (also as xlsx). Org-admins and accountants keep the books; auditors read them.
 */
package coop.intercoop.hub.accounting.boundary;
