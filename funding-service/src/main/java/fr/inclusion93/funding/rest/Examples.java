package fr.inclusion93.funding.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String BENEFICIARY = """
            {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "name": "Médiathèque John Lennon",
             "siret": "21930027400012", "rna": null, "parentId": null, "legalKind": "PUBLIC_COLLECTIVITY", "type": "BIB",
             "communeInsee": "93027", "postalCode": "93120", "eptSiren": "200057867", "eptName": "Plaine Commune",
             "qpv": true, "qpvCode": "QP093005", "status": "ACTIVE", "closedOn": null, "closeReason": null,
             "projectedAt": "2021-01-15T09:30:00.120Z"}""";

    static final String CLOSED_ASSOCIATION = """
            {"id": "5d0c7a1e-2b8f-4c3d-8e6a-9f1b2c3d4e5f", "name": "Association Voisins Numériques",
             "siret": null, "rna": "W931234567", "parentId": null, "legalKind": "ASSOCIATION", "type": "ASSO",
             "communeInsee": "93048", "postalCode": "93100", "eptSiren": "200057875", "eptName": "Est Ensemble",
             "qpv": false, "qpvCode": null, "status": "CLOSED", "closedOn": "2021-06-30",
             "closeReason": "Dissolution de l'association", "projectedAt": "2021-06-30T16:02:11.480Z"}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/not-found", "title": "Not found", "status": 404,
             "detail": "Beneficiary 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/funding/beneficiaries/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    private Examples() {
    }
}
