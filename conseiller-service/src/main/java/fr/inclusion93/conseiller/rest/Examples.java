package fr.inclusion93.conseiller.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String HOST_STRUCTURE = """
            {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "name": "Médiathèque John Lennon",
             "siret": "21930027400012", "communeInsee": "93027", "active": true,
             "projectedAt": "2021-01-15T09:30:00.120Z"}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/not-found", "title": "Not found", "status": 404,
             "detail": "Host structure 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/conseillers/host-structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    private Examples() {
    }
}
