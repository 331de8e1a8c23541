package fr.inclusion93.structure.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String REGISTER_REQUEST = """
            {"name": "Médiathèque John Lennon", "siret": "21930027400012", "communeInsee": "93027"}""";

    static final String STRUCTURE = """
            {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "name": "Médiathèque John Lennon",
             "siret": "21930027400012", "communeInsee": "93027", "communeName": "La Courneuve",
             "ept": "Plaine Commune", "status": "ACTIVE", "registeredAt": "2021-01-15T09:30:00Z"}""";

    static final String PAGE = """
            {"items": [""" + STRUCTURE + """
            ], "page": 0, "size": 50, "totalItems": 1}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "siret: must be 14 digits with a valid SIRET checksum", "instance": "/api/structures",
             "errors": [{"field": "siret", "reason": "must be 14 digits with a valid SIRET checksum"}]}""";

    static final String DUPLICATE_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/duplicate-siret", "title": "Duplicate SIRET", "status": 409,
             "detail": "siret: an active structure with SIRET 21930027400012 is already registered",
             "instance": "/api/structures",
             "errors": [{"field": "siret", "reason": "an active structure with SIRET 21930027400012 is already registered"}]}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/not-found", "title": "Not found", "status": 404,
             "detail": "Structure 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    private Examples() {
    }
}
