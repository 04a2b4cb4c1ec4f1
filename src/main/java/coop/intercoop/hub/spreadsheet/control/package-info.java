/**
 * Writing xlsx workbooks row by row straight into the client's stream ({@link SheetWriter}: typed columns, a frozen and
 * filtered header, totals rows, text that a spreadsheet would run as a formula written as plain text, a full sheet
 * continued on the next), and reading them row by row with POI's event API ({@link XlsxReader}).
 */
package coop.intercoop.hub.spreadsheet.control;
