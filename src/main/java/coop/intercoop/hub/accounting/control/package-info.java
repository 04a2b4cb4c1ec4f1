/**
 * The accounting component's logic, usable by other components (payroll posts through it, tenders read from it): the
 * chart templates of {@code config/charts}, each organisation's accounts, fiscal years and lock dates, and the reports,
 * one control per family ({@code TrialBalances}, {@code JournalAndLedger}, {@code FinancialStatements},
 * {@code GrantExecutions}, {@code Consolidation}). Joins the caller's transaction and acts in the checked organisation
 * ({@code Tenant}).
 */
package coop.intercoop.hub.accounting.control;
