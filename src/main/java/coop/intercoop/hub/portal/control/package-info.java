/** Faces plumbing of the portal: organisation-scoped URLs, refusals as messages, the exception handler. */
package coop.intercoop.hub.portal.control;
