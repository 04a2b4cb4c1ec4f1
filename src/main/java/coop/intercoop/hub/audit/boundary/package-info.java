/** The audit log as the API shows it to an organisation's org-admins and auditors. */
package coop.intercoop.hub.audit.boundary;
