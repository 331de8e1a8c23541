package fr.inclusion93.security;

/**
 * The roles a token can carry (its {@code groups} claim), one per kind of client. Resources name them in
 * {@code @RolesAllowed}; OpenAPI lists them as the scopes each operation requires.
 */
public final class Roles {

    /** The State: everything. */
    public static final String ADMIN = "admin";
    /** A co-signatory (an EPT or the Département): reads all but personal data, writes only in its territory. */
    public static final String PARTNER = "partner";
    /** Reads everything, histories included; writes nothing. */
    public static final String AUDITOR = "auditor";
    /** A dashboard front-end: aggregates, reports and the public registry; never personal data. */
    public static final String DASHBOARD = "dashboard";
    /** A metrics scraper: {@code /q/metrics} and nothing else. */
    public static final String MONITORING = "monitoring";

    private Roles() {
    }
}
