package coop.intercoop.hub.accounting.entity;

/** Headings group accounts and only carry totals; journal lines go to posting accounts. */
public enum AccountKind {
    HEADING, POSTING
}
