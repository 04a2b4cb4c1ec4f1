/** How callers prove who they are (form login, bearer tokens) and the API of users, tokens and "who am I". */
package coop.intercoop.hub.security.boundary;
