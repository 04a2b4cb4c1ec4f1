/** The audit log: who did what, when, in which organisation, to which object. */
package coop.intercoop.hub.audit.entity;
