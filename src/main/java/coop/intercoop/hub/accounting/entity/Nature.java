package coop.intercoop.hub.accounting.entity;

/** What an account measures, which decides on which side its balance normally sits. */
public enum Nature {
    ASSET, LIABILITY, EQUITY, INCOME, EXPENSE
}
