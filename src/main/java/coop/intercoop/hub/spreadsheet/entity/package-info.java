/** Import jobs, their modes, states and validation problems, as values. */
package coop.intercoop.hub.spreadsheet.entity;
