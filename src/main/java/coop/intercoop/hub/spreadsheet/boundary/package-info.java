/** The import API and portal page: upload, job progress, validation reports, error workbooks and templates. */
package coop.intercoop.hub.spreadsheet.boundary;
