package fr.inclusion93.conseiller.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String HOST_STRUCTURE = """
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
             "detail": "Host structure 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/conseillers/host-structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    static final String AGREEMENT_REQUEST = """
            {"key": "convention-93-2021", "name": "Convention territoriale conseillers numériques de la Seine-Saint-Denis",
             "signedOn": "2021-01-15", "departementCode": "93", "totalPosts": 80, "stateFundedMonths": 24,
             "signatories": [{"name": "État", "kind": "STATE"}, {"name": "Département de la Seine-Saint-Denis", "kind": "DEPARTEMENT"},
                             {"name": "Est Ensemble", "kind": "EPT", "territoryCode": "200057875"},
                             {"name": "Grand Paris Grand Est", "kind": "EPT", "territoryCode": "200058790"},
                             {"name": "Paris Terres d'Envol", "kind": "EPT", "territoryCode": "200058097"},
                             {"name": "Plaine Commune", "kind": "EPT", "territoryCode": "200057867"}],
             "quotas": [{"level": "EPT", "code": "200057867", "posts": 25}, {"level": "EPT", "code": "200057875", "posts": 20}]}""";

    static final String AGREEMENT = """
            {"id": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "key": "convention-93-2021",
             "name": "Convention territoriale conseillers numériques de la Seine-Saint-Denis", "signedOn": "2021-01-15",
             "departementCode": "93", "totalPosts": 80, "stateFundedMonths": 24, "openPosts": 31,
             "signatories": [{"name": "État", "kind": "STATE", "territoryCode": null},
                             {"name": "Plaine Commune", "kind": "EPT", "territoryCode": "200057867"}],
             "quotas": [{"level": "EPT", "code": "200057867", "posts": 25, "openPosts": 12},
                        {"level": "EPT", "code": "200057875", "posts": 20, "openPosts": 9}]}""";

    static final String POST_REQUEST = """
            {"agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "structureId": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
             "openedOn": "2021-02-01"}""";

    static final String POST = """
            {"id": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b",
             "structureId": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "communeInsee": "93027", "eptSiren": "200057867",
             "state": "RECRUITING", "funding": "RESERVED", "fundingLineId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
             "fundingDetail": "24 State-funded months reserved: 50000.00 €", "openedOn": "2021-02-01", "returnedOn": null,
             "flag": null, "updatedAt": "2021-02-15T10:12:00.000Z"}""";

    static final String POST_CHANGES_PAGE = "{\"items\": [" + POST + "], "
            + "\"next\": \"MTA0OC4wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA\"}";

    static final String POST_CHANGES_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "cursor: is not a cursor this operation gave (send the next of your last answer)",
             "instance": "/api/conseillers/posts/changes",
             "errors": [{"field": "cursor", "reason": "is not a cursor this operation gave (send the next of your last answer)"}]}""";

    static final String POSTS_PAGE = "{\"items\": [" + POST + "], \"next\": \"3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\"}";

    static final String TRANSITION_REQUEST = """
            {"to": "RECRUITING", "on": "2021-02-15"}""";

    static final String POST_HISTORY = """
            {"items": [{"recordedAt": "2021-02-01T09:00:00.000Z", "actor": "admin-cli", "requestId": "c0ffee00-1234",
                        "traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "action": "PostOpened", "recordType": "post",
                        "recordId": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "before": null,
                        "after": {"state": "VACANT", "funding": "PENDING"}}],
             "next": null}""";

    static final String HISTORY_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "recordType: is one of agreement, contract, post; from: is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)",
             "instance": "/api/conseillers/history",
             "errors": [{"field": "recordType", "reason": "is one of agreement, contract, post"},
                        {"field": "from", "reason": "is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)"}]}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "on: must not be null", "instance": "/api/conseillers/posts/3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/transitions",
             "errors": [{"field": "on", "reason": "must not be null"}]}""";

    static final String QUOTAS_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "quotas: sum to 90 posts, above the agreement's 80", "instance": "/api/conseillers/agreements",
             "errors": [{"field": "quotas", "reason": "sum to 90 posts, above the agreement's 80"}]}""";

    static final String UNKNOWN_STRUCTURE_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 422,
             "detail": "structureId: no host structure has this id here (unknown, or its registration has not arrived yet)",
             "instance": "/api/conseillers/posts",
             "errors": [{"field": "structureId", "reason": "no host structure has this id here (unknown, or its registration has not arrived yet)"}]}""";

    static final String DUPLICATE_KEY_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/duplicate-key", "title": "Duplicate key", "status": 409,
             "detail": "key: an agreement already has key convention-93-2021", "instance": "/api/conseillers/agreements",
             "errors": [{"field": "key", "reason": "an agreement already has key convention-93-2021"}]}""";

    static final String QUOTA_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/quota-exceeded", "title": "The territory's quota is reached", "status": 409,
             "detail": "The quota of EPT 200057867 is 25 posts and 25 of them are open (not returned): no place left for another in this territory",
             "instance": "/api/conseillers/posts",
             "errors": [{"field": "structureId", "reason": "The quota of EPT 200057867 is 25 posts and 25 of them are open (not returned): no place left for another in this territory"}]}""";

    static final String WRONG_STATE_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/wrong-state", "title": "Not possible in this state", "status": 409,
             "detail": "to: the post is RETURNED and cannot become VACANT; from RETURNED it can move to nothing (final)",
             "instance": "/api/conseillers/posts/3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/transitions",
             "errors": [{"field": "to", "reason": "the post is RETURNED and cannot become VACANT; from RETURNED it can move to nothing (final)"}]}""";

    static final String CONSEILLER_REQUEST = """
            {"name": "Camille Martin", "email": "camille.martin@conseiller-numerique.fr"}""";

    static final String CONSEILLER = """
            {"id": "7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f", "name": "Camille Martin",
             "email": "camille.martin@conseiller-numerique.fr", "erasedOn": null}""";

    static final String ERASED_CONSEILLER = """
            {"id": "7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f", "name": null, "email": null, "erasedOn": "2024-05-02"}""";

    static final String CONTRACT_REQUEST = """
            {"conseillerId": "7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f", "type": "CDD", "startOn": "2021-03-01",
             "plannedEndOn": "2023-03-01", "stateFundedMonths": 24, "trainingMode": "HYBRID"}""";

    static final String CONTRACT = """
            {"id": "2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b", "postId": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
             "conseillerId": "7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f", "type": "CDD", "startOn": "2021-03-01",
             "plannedEndOn": "2023-03-01", "stateFundedMonths": 24, "trainingMode": "HYBRID",
             "trainingStatus": "IN_PROGRESS", "renewals": 0, "endedOn": null, "endReason": null}""";

    static final String CONTRACT_RENEWAL_REQUEST = """
            {"plannedEndOn": "2024-03-01"}""";

    static final String TRAINING_REQUEST = """
            {"status": "COMPLETED"}""";

    static final String CONTRACT_END_REQUEST = """
            {"on": "2022-06-30", "reason": "DEMISSION"}""";

    static final String DEPLOYMENT = """
            {"version": 1, "agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "by": "ept", "asOf": "2022-01-15",
             "rows": [{"key": "200057867", "label": "Plaine Commune", "quota": 25, "open": 21, "vacant": 2, "recruiting": 3,
                       "occupied": 15, "ended": 1, "returned": 1, "stateFundedMonthsConsumed": 152}],
             "total": {"key": "total", "label": "Total", "quota": 80, "open": 64, "vacant": 6, "recruiting": 9,
                       "occupied": 45, "ended": 4, "returned": 2, "stateFundedMonthsConsumed": 431}}""";

    static final String DEPLOYMENT_CSV = """
            key,label,quota,open,vacant,recruiting,occupied,ended,returned,"state_funded_months_consumed"
            200057867,"Plaine Commune",25,21,2,3,15,1,1,152
            total,Total,80,64,6,9,45,4,2,431
            """;

    static final String CONTRADICTIONS = """
            [{"postId": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b",
              "state": "OCCUPIED", "contractId": "2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b",
              "reason": "occupied after its contract's planned end (2023-03-01)"}]""";

    static final String ACTIVITY_MONTH_REQUEST = """
            {"activities": [
              {"kind": "ATELIER", "heldOn": "2021-03-04", "durationMinutes": 120, "placeId": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
               "themes": ["CV", "TELETRAVAIL"], "peopleHelped": 8},
              {"kind": "PERMANENCE", "heldOn": "2021-03-09", "durationMinutes": 180, "placeId": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10",
               "themes": ["AUTRE"], "otherTheme": "Démarches CAF en ligne", "peopleHelped": 11}]}""";

    static final String ACTIVITY_MONTH = """
            {"postId": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "month": "2021-03", "activities": 2, "minutes": 300,
             "peopleHelped": 19}""";

    static final String ACTIVITY_REPORT = """
            {"version": 1, "agreementId": null, "by": "theme", "from": "2021-01", "to": "2021-12",
             "rows": [{"key": "CV", "label": "CV", "ateliers": 41, "permanences": 3, "miniFormations": 2, "minutes": 5520,
                       "hours": "92.00", "peopleHelped": 388}],
             "total": {"key": "total", "label": "Total", "ateliers": 120, "permanences": 310, "miniFormations": 14,
                       "minutes": 76500, "hours": "1275.00", "peopleHelped": 4210}}""";

    static final String ACTIVITY_CSV = """
            key,label,ateliers,permanences,mini_formations,minutes,hours,people_helped
            CV,CV,41,3,2,5520,92.00,388
            total,Total,120,310,14,76500,1275.00,4210
            """;

    private Examples() {
    }
}
