/** Writes and reads the audit log. */
package coop.intercoop.hub.audit.control;
