/**
 * The books' vocabulary and its invariants: accounts of an organisation's chart (a subaccount extends an account of the
 * chart), fiscal years split into monthly periods, and the lock dates before which nothing may be posted.
 */
package coop.intercoop.hub.accounting.entity;
