/**
 * Payroll's calculations, without a database: contribution bases and contributions, the IRPF withholding, each figure
 * with the rule and source it comes from; and the readers of the rule files in {@code hub.payroll.dir}.
 */
package coop.intercoop.hub.payroll.control;
