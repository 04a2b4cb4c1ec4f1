/**
 * The spreadsheet platform component: every export and import of the hub goes through it, so every sheet looks the
 * same, streams with constant memory and is safe to open (DESIGN rule 6).
 */
package coop.intercoop.hub.spreadsheet;
