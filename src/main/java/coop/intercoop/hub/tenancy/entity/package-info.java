/**
 * Organisations (the tenants), their work centres and memberships, with the Spanish identifiers that make them real:
 * the tax id (NIF/CIF) and the Social Security contribution account code (CCC).
 */
package coop.intercoop.hub.tenancy.entity;
