/** The API and pages of organisations, work centres and memberships, and the check that scopes each request. */
package coop.intercoop.hub.tenancy.boundary;
