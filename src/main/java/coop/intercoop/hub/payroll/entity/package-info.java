/**
 * Payroll's vocabulary and its rules as data: the effective-dated tables of {@code config/payroll} (Social Security
 * contribution bases and rates, the AT/EP premium tables, the IRPF withholding parameters, the salary tables of
 * collective agreements), each row citing its legal source and whether it was verified in the official text or derived.
 */
package coop.intercoop.hub.payroll.entity;
