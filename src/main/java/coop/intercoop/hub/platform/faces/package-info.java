/**
 * The Faces kit every component's pages stand on: the portal's texts in the reader's language
 * ({@link coop.intercoop.hub.platform.faces.Texts}, which also words a refusal by its key) and the session's language
 * ({@link coop.intercoop.hub.platform.faces.Language}), and a workbook downloaded from a page instead of the page
 * ({@link coop.intercoop.hub.platform.faces.WorkbookDownload}). It imports nothing above the platform, so a component's
 * pages use it without depending on the portal, whose shell depends on them.
 */
package coop.intercoop.hub.platform.faces;
