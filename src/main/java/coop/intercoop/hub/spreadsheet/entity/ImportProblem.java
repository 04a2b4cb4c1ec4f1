package coop.intercoop.hub.spreadsheet.entity;

/**
 * One line of a validation report: an error (the row is not written) or a warning, where it is — sheet, row number as
 * the spreadsheet shows it, column letter and header — and what is wrong, in the language of the job.
 */
public record ImportProblem(Severity severity, String sheet, Integer row, String column, String message) {

    public enum Severity {
        ERROR, WARNING
    }
}
