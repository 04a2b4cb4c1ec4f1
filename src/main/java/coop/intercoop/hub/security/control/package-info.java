/** Password hashing, logins with throttling, personal access tokens, and who the caller is. */
package coop.intercoop.hub.security.control;
