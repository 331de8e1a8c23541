package fr.inclusion93.structure.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String REGISTER_REQUEST = """
            {"name": "Médiathèque John Lennon", "siret": "21930027400012", "legalKind": "PUBLIC_COLLECTIVITY",
             "type": "BIB", "address": "9 avenue du Général Leclerc", "postalCode": "93120", "communeInsee": "93027",
             "qpv": true, "qpvCode": "QP093005", "latitude": 48.92741, "longitude": 2.38645,
             "openingHours": "Tu-Sa 10:00-12:30,14:00-18:00; PH off",
             "services": ["Aide aux démarches administratives", "Accès internet et matériel informatique"],
             "phone": "01 49 92 61 50", "email": "mediatheques@lacourneuve.fr", "website": "https://www.lacourneuve.fr"}""";

    static final String STRUCTURE = """
            {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "name": "Médiathèque John Lennon",
             "siret": "21930027400012", "rna": null, "parentId": null, "legalKind": "PUBLIC_COLLECTIVITY", "type": "BIB",
             "address": "9 avenue du Général Leclerc", "addressComplement": null, "postalCode": "93120",
             "communeInsee": "93027", "communeName": "La Courneuve", "ept": "Plaine Commune", "eptSiren": "200057867",
             "qpv": true, "qpvCode": "QP093005", "latitude": 48.92741, "longitude": 2.38645,
             "openingHours": "Tu-Sa 10:00-12:30,14:00-18:00; PH off",
             "services": ["Aide aux démarches administratives", "Accès internet et matériel informatique"],
             "phone": "+33149926150", "email": "mediatheques@lacourneuve.fr", "website": "https://www.lacourneuve.fr",
             "status": "ACTIVE", "closedOn": null, "closeReason": null, "version": 1,
             "registeredAt": "2021-01-15T09:30:00Z", "updatedAt": "2021-01-15T09:30:00Z"}""";

    static final String MERGE_PATCH = """
            {"openingHours": "Tu-Sa 10:00-18:00; PH off", "phone": null}""";

    static final String CLOSE_REQUEST = """
            {"closedOn": "2021-06-30", "reason": "Fusion avec la médiathèque Aimé Césaire"}""";

    static final String TYPES = """
            [{"code": "BIB", "label": "Bibliothèque / médiathèque"}, {"code": "MUNI", "label": "Mairie"},
             {"code": "RFS", "label": "France Services"}]""";

    static final String SEARCH_LAST_PAGE = """
            {"items": [""" + STRUCTURE + """
            ], "next": null}""";

    static final String SEARCH_PAGE = """
            {"items": [""" + STRUCTURE + """
            ], "next": "bmFtZS4wYjZmM2MyZS02ZDNiLTRkN2UtOWE1NS0yZjFjMWQ5ZThhMTAubWVkaWF0aGVxdWUgam9obiBsZW5ub24"}""";

    static final String SEARCH_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "ept: is not the SIREN of an EPT (200057867, 200057875, 200058097, 200058790); sort: must be one of registeredAt, name, commune, -registeredAt, -name, -commune",
             "instance": "/api/structures",
             "errors": [{"field": "ept", "reason": "is not the SIREN of an EPT (200057867, 200057875, 200058097, 200058790)"},
                        {"field": "sort", "reason": "must be one of registeredAt, name, commune, -registeredAt, -name, -commune"}]}""";

    static final String CHANGES_PAGE = """
            {"items": [""" + STRUCTURE + """
            ], "next": "MTA0OC4wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA"}""";

    static final String CHANGES_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "cursor: is not a cursor this operation gave (send the next of your last answer)",
             "instance": "/api/structures/changes",
             "errors": [{"field": "cursor", "reason": "is not a cursor this operation gave (send the next of your last answer)"}]}""";

    static final String POSTAL_CODE_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "postalCode: does not serve La Courneuve (93027), which is served by 93120",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
             "errors": [{"field": "postalCode", "reason": "does not serve La Courneuve (93027), which is served by 93120"}]}""";

    static final String PRECONDITION_FAILED_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/precondition-failed", "title": "Precondition Failed", "status": 412,
             "detail": "The structure changed since you read it: it is at version 3 (ETag \\"3\\"), you sent If-Match \\"2\\". GET it again, reapply your change and send the new ETag.",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
             "errors": [{"field": "If-Match", "reason": "does not match the current ETag \\"3\\""}]}""";

    static final String PRECONDITION_REQUIRED_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/precondition-required", "title": "Precondition Required", "status": 428,
             "detail": "If-Match: is required: send the ETag of the structure as you last read it (GET it first), or * to overwrite whatever is there",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
             "errors": [{"field": "If-Match", "reason": "is required"}]}""";

    static final String ALREADY_CLOSED_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/wrong-status", "title": "Not possible in this status", "status": 409,
             "detail": "status: is already closed (since 2021-06-30)",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10/close",
             "errors": [{"field": "status", "reason": "is already closed (since 2021-06-30)"}]}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "siret: must be 14 digits with a valid SIRET checksum", "instance": "/api/structures",
             "errors": [{"field": "siret", "reason": "must be 14 digits with a valid SIRET checksum"}]}""";

    static final String DUPLICATE_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/duplicate-siret", "title": "Duplicate SIRET", "status": 409,
             "detail": "siret: an active structure with SIRET 21930027400012 is already registered",
             "instance": "/api/structures",
             "errors": [{"field": "siret", "reason": "an active structure with SIRET 21930027400012 is already registered"}],
             "existing": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/not-found", "title": "Not found", "status": 404,
             "detail": "Structure 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    static final String MALFORMED_KEY_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/idempotency-key-malformed", "title": "Malformed Idempotency-Key",
             "status": 400, "detail": "Idempotency-Key: may contain only letters, digits and - . _ ~ : + / =",
             "instance": "/api/structures",
             "errors": [{"field": "Idempotency-Key", "reason": "may contain only letters, digits and - . _ ~ : + / ="}]}""";

    static final String KEY_IN_FLIGHT_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/idempotency-key-in-flight",
             "title": "A request is outstanding for this Idempotency-Key", "status": 409,
             "detail": "Idempotency-Key: a request with this key is still being processed; retry once it has completed to get its response",
             "instance": "/api/structures",
             "errors": [{"field": "Idempotency-Key",
                         "reason": "a request with this key is still being processed; retry once it has completed to get its response"}]}""";

    static final String KEY_REUSED_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/idempotency-key-reused", "title": "Idempotency-Key is already used",
             "status": 422,
             "detail": "Idempotency-Key: already used for another request (POST /api/structures with another body) until 2021-01-16T09:30:00Z; send a new key for a new request",
             "instance": "/api/structures",
             "errors": [{"field": "Idempotency-Key",
                         "reason": "already used for another request (POST /api/structures with another body) until 2021-01-16T09:30:00Z; send a new key for a new request"}]}""";

    static final String AUDIT_ENTRY = """
            {"recordedAt": "2021-01-15T09:30:00.123456Z", "actor": "ept-plaine-commune",
             "requestId": "7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",
             "action": "StructureRegistered", "recordType": "structure", "recordId": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
             "before": null,
             "after": {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "name": "Médiathèque John Lennon",
                       "siret": "21930027400012", "rna": null, "parentId": null, "legalKind": "PUBLIC_COLLECTIVITY",
                       "type": "BIB", "address": "9 avenue du Général Leclerc", "addressComplement": null,
                       "postalCode": "93120", "communeInsee": "93027", "eptSiren": "200057867", "qpv": true,
                       "qpvCode": "QP093005", "latitude": 48.92741, "longitude": 2.38645,
                       "openingHours": "Tu-Sa 10:00-12:30,14:00-18:00; PH off", "services": [], "phone": null,
                       "email": null, "website": null, "status": "ACTIVE", "closedOn": null, "closeReason": null,
                       "version": 1, "registeredAt": "2021-01-15T09:30:00.123456Z",
                       "updatedAt": "2021-01-15T09:30:00.123456Z"}}""";

    static final String HISTORY = """
            {"items": [""" + AUDIT_ENTRY + """
            ], "next": null}""";

    static final String HISTORY_PAGE = """
            {"items": [""" + AUDIT_ENTRY + """
            ], "next": "MTYxMDcwMzAwMDEyMzQ1Ni40Mg"}""";

    static final String HISTORY_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "from: is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z); limit: must be a whole number from 1 to 500",
             "instance": "/api/structures/history",
             "errors": [{"field": "from", "reason": "is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)"},
                        {"field": "limit", "reason": "must be a whole number from 1 to 500"}]}""";

    private Examples() {
    }

    static final String MEDIATION_CSV = """
            "id","pivot","nom","commune","code_postal","code_insee","adresse","complement_adresse","latitude","longitude","typologie","telephone","courriels","site_web","horaires","presentation_resume","presentation_detail","source","itinerance","structure_parente","date_maj","services","publics_specifiquement_adresses","prise_en_charge_specifique","frais_a_charge","dispositif_programmes_nationaux","formations_labels","autres_formations_labels","modalites_acces","modalites_accompagnement","fiche_acces_libre","prise_rdv"
            "lacourneuve-bib-1","21930027400012","Médiathèque John Lennon","La Courneuve","93120","93027","9 avenue du Général Leclerc","","48.92741","2.38645","BIB","+33149926150","mediatheques@lacourneuve.fr","https://www.lacourneuve.fr","Tu-Sa 10:00-12:30,14:00-18:00; PH off","Ateliers numériques et accès libre aux ordinateurs.","","Ville de La Courneuve","Fixe","","2021-01-15","Aide aux démarches administratives|Accès internet et matériel informatique","Seniors","","Gratuit","","","","Se présenter|Téléphoner","Accompagnement individuel|Dans un atelier collectif","",""
            """;

    static final String IMPORT_REPORT = """
            {"rows": 1, "created": 0, "updated": 1, "unchanged": 0}""";

    static final String IMPORT_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid file", "status": 422,
             "detail": "2 error(s) in the file; nothing was imported",
             "instance": "/api/structures/imports",
             "errors": [{"field": "row 3: code_postal", "reason": "does not serve La Courneuve (93027), which is served by 93120"},
                        {"field": "row 7: pivot", "reason": "must be 14 digits with a valid SIRET checksum"}]}""";

    static final String IMPORT_HEADER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "header: required column pivot is missing",
             "instance": "/api/structures/imports",
             "errors": [{"field": "header", "reason": "required column pivot is missing"}]}""";

    static final String MEDIATION_JSON = """
            [{"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "pivot": "21930027400012", "nom": "Médiathèque John Lennon",
              "commune": "La Courneuve", "code_postal": "93120", "code_insee": "93027",
              "adresse": "9 avenue du Général Leclerc", "latitude": 48.92741, "longitude": 2.38645, "typologie": "BIB",
              "telephone": "+33149926150", "courriels": "mediatheques@lacourneuve.fr", "site_web": "https://www.lacourneuve.fr",
              "horaires": "Tu-Sa 10:00-12:30,14:00-18:00; PH off", "date_maj": "2021-01-15",
              "services": "Aide aux démarches administratives|Accès internet et matériel informatique",
              "dispositif_programmes_nationaux": "Conseillers numériques"}]""";

    static final String TERRITORY_REPORT = """
            {"version": 1, "by": "ept",
             "rows": [{"key": "200057875", "label": "Est Ensemble", "active": 98, "closed": 3, "activeInQpv": 52},
                      {"key": "200057867", "label": "Plaine Commune", "active": 112, "closed": 4, "activeInQpv": 61}],
             "total": {"key": "total", "label": "Total", "active": 210, "closed": 7, "activeInQpv": 113}}""";
}
