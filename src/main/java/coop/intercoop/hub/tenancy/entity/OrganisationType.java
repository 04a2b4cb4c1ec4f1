package coop.intercoop.hub.tenancy.entity;

/** The legal forms of social-economy organisations the hub serves. */
public enum OrganisationType {
    ASSOCIATION, FOUNDATION, SOCIAL_COOPERATIVE,
    /** Empresa de inserción (Ley 44/2007). */
    WORK_INTEGRATION_ENTERPRISE,
    /** Centro especial de empleo (RDL 1/2013, art. 43). */
    SPECIAL_EMPLOYMENT_CENTRE, OTHER
}
