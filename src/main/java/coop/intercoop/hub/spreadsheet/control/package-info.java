/**
 * Writing xlsx workbooks row by row over Apache POI's streaming SXSSF: typed columns, a frozen and filtered header,
 * totals rows, and text that a spreadsheet would run as a formula written as plain text.
 */
package coop.intercoop.hub.spreadsheet.control;
