package fr.inclusion93.funding.rest;

/** The stable keys a loader gives funders, programmes, envelopes, beneficiaries and lines. */
final class Keys {

    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String MESSAGE = "must be kebab-case: lower-case letters and digits separated by single hyphens";
    static final String DESCRIPTION = "Optional stable identifier, unique among its kind (kebab-case, up to 100 characters): "
            + "a loader that sends it twice gets 409 with `existing` the second time, and loads once";

    private Keys() {
    }
}
