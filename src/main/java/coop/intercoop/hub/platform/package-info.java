/**
 * What every component stands on and none owns: the database and its migrations, the JSON API's conventions (strict
 * JSON binding, body limits, RFC 9457 problem details) and readiness.
 */
package coop.intercoop.hub.platform;
