/** Users, their personal access tokens and the login throttle. */
package coop.intercoop.hub.security.entity;
