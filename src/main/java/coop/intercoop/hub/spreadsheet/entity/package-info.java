/**
 * Import jobs, their modes and validation problems, as values; a job's state is the platform runner's
 * ({@link coop.intercoop.hub.platform.jobs.JobStatus}).
 */
package coop.intercoop.hub.spreadsheet.entity;
