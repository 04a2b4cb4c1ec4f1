/**
 * What every component stands on and none owns: the database and its migrations, the classification of its failures
 * (refusals a person can act on, {@link coop.intercoop.hub.platform.DatabaseRefusals}; transient ones worth a retry,
 * {@link coop.intercoop.hub.platform.DatabaseFailure}), the JSON API's conventions (strict JSON binding, body limits,
 * RFC 9457 problem details) and readiness; the job runner is {@code platform.jobs}.
 * {@link coop.intercoop.hub.platform.DateParameters} converts the API's date parameters, so that a resource declares
 * {@code LocalDate} parameters (with {@code @NotNull} when required) instead of parsing text.
 */
package coop.intercoop.hub.platform;
