package fr.inclusion93.funding.rest;

/** Example payloads shown in the OpenAPI contract. */
final class Examples {

    static final String BENEFICIARY = """
            {"id": "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10", "kind": "HOST_STRUCTURE", "key": null, "name": "Médiathèque John Lennon",
             "siret": "21930027400012", "rna": null, "parentId": null, "legalKind": "PUBLIC_COLLECTIVITY", "type": "BIB",
             "communeInsee": "93027", "postalCode": "93120", "eptSiren": "200057867", "eptName": "Plaine Commune",
             "qpv": true, "qpvCode": "QP093005", "status": "ACTIVE", "closedOn": null, "closeReason": null,
             "projectedAt": "2021-01-15T09:30:00.120Z", "createdAt": null}""";

    static final String CLOSED_ASSOCIATION = """
            {"id": "5d0c7a1e-2b8f-4c3d-8e6a-9f1b2c3d4e5f", "kind": "HOST_STRUCTURE", "key": null, "name": "Association Voisins Numériques",
             "siret": null, "rna": "W931234567", "parentId": null, "legalKind": "ASSOCIATION", "type": "ASSO",
             "communeInsee": "93048", "postalCode": "93100", "eptSiren": "200057875", "eptName": "Est Ensemble",
             "qpv": false, "qpvCode": null, "status": "CLOSED", "closedOn": "2021-06-30",
             "closeReason": "Dissolution de l'association", "projectedAt": "2021-06-30T16:02:11.480Z", "createdAt": null}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/not-found", "title": "Not found", "status": 404,
             "detail": "Beneficiary 0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10 does not exist",
             "instance": "/api/funding/beneficiaries/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10"}""";

    static final String OUTSIDE_ORGANISATION_REQUEST = """
            {"key": "commune-la-courneuve", "name": "Commune de La Courneuve", "siret": null, "rna": null,
             "legalKind": "COMMUNE", "communeInsee": "93027"}""";

    static final String OUTSIDE_ORGANISATION = """
            {"id": "7e6d5c4b-3a29-4817-9a6b-5c4d3e2f1a0b", "kind": "OUTSIDE_ORGANISATION", "key": "commune-la-courneuve",
             "name": "Commune de La Courneuve", "siret": null, "rna": null, "parentId": null, "legalKind": "COMMUNE",
             "type": null, "communeInsee": "93027", "postalCode": null, "eptSiren": "200057867", "eptName": "Plaine Commune",
             "qpv": false, "qpvCode": null, "status": "ACTIVE", "closedOn": null, "closeReason": null, "projectedAt": null,
             "createdAt": "2021-01-15T09:30:00Z"}""";

    static final String BENEFICIARY_PAGE = """
            {"items": [{"id": "7e6d5c4b-3a29-4817-9a6b-5c4d3e2f1a0b", "kind": "OUTSIDE_ORGANISATION",
             "key": "commune-la-courneuve", "name": "Commune de La Courneuve", "siret": null, "rna": null, "parentId": null,
             "legalKind": "COMMUNE", "type": null, "communeInsee": "93027", "postalCode": null, "eptSiren": "200057867",
             "eptName": "Plaine Commune", "qpv": false, "qpvCode": null, "status": "ACTIVE", "closedOn": null,
             "closeReason": null, "projectedAt": null, "createdAt": "2021-01-15T09:30:00Z"}],
             "page": 0, "size": 50, "total": 1}""";

    static final String FUNDER_REQUEST = """
            {"key": "etat-seine-saint-denis", "name": "État - Préfecture de la Seine-Saint-Denis", "siret": null}""";

    static final String FUNDER = """
            {"id": "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60", "key": "etat-seine-saint-denis",
             "name": "État - Préfecture de la Seine-Saint-Denis", "siret": null, "createdAt": "2021-01-15T09:30:00Z"}""";

    static final String FUNDER_PAGE = """
            {"items": [{"id": "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60", "key": "etat-seine-saint-denis",
             "name": "État - Préfecture de la Seine-Saint-Denis", "siret": null, "createdAt": "2021-01-15T09:30:00Z"}],
             "page": 0, "size": 50, "total": 1}""";

    static final String PROGRAMME_REQUEST = """
            {"key": "dsil", "name": "Dotation de soutien à l'investissement local (DSIL)",
             "funderId": "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60", "fund": "DSIL", "amountPerPostCents": null,
             "fundedMonths": null}""";

    static final String PROGRAMME = """
            {"id": "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e", "key": "dsil",
             "name": "Dotation de soutien à l'investissement local (DSIL)", "funderId": "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60",
             "fund": "DSIL", "amountPerPostCents": null, "amountPerPost": null, "fundedMonths": null,
             "createdAt": "2021-01-15T09:30:00Z"}""";

    static final String PROGRAMME_PAGE = """
            {"items": [{"id": "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e", "key": "dsil",
             "name": "Dotation de soutien à l'investissement local (DSIL)", "funderId": "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60",
             "fund": "DSIL", "amountPerPostCents": null, "amountPerPost": null, "fundedMonths": null,
             "createdAt": "2021-01-15T09:30:00Z"}], "page": 0, "size": 50, "total": 1}""";

    static final String ENVELOPE_REQUEST = """
            {"key": "dsil-2020-la-courneuve", "programmeId": "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e", "year": 2020,
             "territory": {"level": "COMMUNE", "code": "93027"}, "ceilingCents": 100000000}""";

    static final String ENVELOPE = """
            {"id": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "key": "dsil-2020-la-courneuve",
             "programmeId": "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e", "year": 2020,
             "territory": {"level": "COMMUNE", "code": "93027"}, "ceilingCents": 100000000, "ceiling": "1000000.00",
             "committedCents": 40000000, "committed": "400000.00", "paidCents": 10000000, "paid": "100000.00",
             "remainingCents": 60000000, "remaining": "600000.00", "agreementId": null, "createdAt": "2021-01-15T09:30:00Z"}""";

    static final String ENVELOPE_PAGE = """
            {"items": [{"id": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "key": "dsil-2020-93",
             "programmeId": "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e", "year": 2020,
             "territory": {"level": "DEPARTEMENT", "code": "93"}, "ceilingCents": null, "ceiling": null,
             "committedCents": 40000000, "committed": "400000.00", "paidCents": 0, "paid": "0.00",
             "remainingCents": null, "remaining": null, "agreementId": null, "createdAt": "2021-01-15T09:30:00Z"}],
             "page": 0, "size": 50, "total": 1}""";

    static final String LINE_REQUEST = """
            {"key": "dsil-la-courneuve-ecoles", "envelopeId": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
             "beneficiaryId": "7e6d5c4b-3a29-4817-9a6b-5c4d3e2f1a0b",
             "object": "Équipement de 3 500 élèves d'écoles primaires", "amountCents": 40000000, "nature": "NUMERAIRE",
             "paymentConditions": "TRANCHES", "territory": {"level": "COMMUNE", "code": "93027"},
             "cofinancingShareBasisPoints": 8000, "year": 2020,
             "outputs": [{"unit": "élèves", "description": "Primary-school pupils equipped", "target": 3500}],
             "forecasts": [{"year": 2021, "amountCents": 2500000}], "status": "COMMITTED"}""";

    static final String LINE = """
            {"id": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "key": "dsil-la-courneuve-ecoles",
             "envelopeId": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "parentId": null,
             "beneficiaryId": "7e6d5c4b-3a29-4817-9a6b-5c4d3e2f1a0b", "beneficiaryDescription": null,
             "object": "Équipement de 3 500 élèves d'écoles primaires", "amountCents": 40000000, "amount": "400000.00",
             "nature": "NUMERAIRE", "decisionDate": null, "decisionReference": null, "conventionDate": null,
             "conventionReference": null, "paymentConditions": "TRANCHES", "territory": {"level": "COMMUNE", "code": "93027"},
             "cofinancingShareBasisPoints": 8000, "year": 2020, "status": "PARTLY_PAID", "committedCents": 40000000,
             "committed": "400000.00", "paidCents": 10000000, "paid": "100000.00", "remainingToPayCents": 30000000,
             "remainingToPay": "300000.00", "subLinesCents": 0, "subLines": "0.00", "subLineSummaries": [],
             "outputs": [{"unit": "élèves", "description": "Primary-school pupils equipped", "target": 3500,
             "targetQualifier": null}], "forecasts": [{"year": 2021, "amountCents": 2500000, "amount": "25000.00",
             "forecast": true}], "createdAt": "2021-01-15T09:30:00Z", "updatedAt": "2021-02-15T10:00:00Z"}""";

    static final String LINE_PAGE = """
            {"items": [{"id": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "key": null,
             "envelopeId": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "parentId": null, "beneficiaryId": null,
             "beneficiaryDescription": "associations des 65 projets", "object": "Quartiers Solidaires : 65 projets numériques",
             "amountCents": 46888000, "amount": "468880.00", "nature": null, "decisionDate": null, "decisionReference": null,
             "conventionDate": null, "conventionReference": null, "paymentConditions": null, "territory": null,
             "cofinancingShareBasisPoints": null, "year": 2020, "status": "DRAFT", "committedCents": 0, "committed": "0.00",
             "paidCents": 0, "paid": "0.00", "remainingToPayCents": 0, "remainingToPay": "0.00", "subLinesCents": 0,
             "subLines": "0.00", "subLineSummaries": [], "outputs": [], "forecasts": [],
             "createdAt": "2021-01-15T09:30:00Z", "updatedAt": "2021-01-15T09:30:00Z"}], "page": 0, "size": 50, "total": 1}""";

    static final String COMMIT_REQUEST = """
            {"amountCents": 46888000}""";

    static final String PAYMENT_REQUEST = """
            {"amountCents": 10000000, "paidOn": "2021-02-15", "reference": "MANDAT-2021-000123"}""";

    static final String CREDIT_NOTE_REQUEST = """
            {"amountCents": -1500000, "paidOn": "2021-09-30", "reference": "TITRE-2021-000045"}""";

    static final String PAYMENT = """
            {"id": "6f5e4d3c-2b1a-4098-8765-43210fedcba9", "lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "kind": "TRANCHE", "amountCents": 10000000, "amount": "100000.00", "paidOn": "2021-02-15",
             "reference": "MANDAT-2021-000123", "recordedAt": "2021-02-15T10:00:00Z"}""";

    static final String PAYMENT_PAGE = """
            {"items": [{"id": "6f5e4d3c-2b1a-4098-8765-43210fedcba9", "lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "kind": "TRANCHE", "amountCents": 10000000, "amount": "100000.00", "paidOn": "2021-02-15",
             "reference": "MANDAT-2021-000123", "recordedAt": "2021-02-15T10:00:00Z"},
             {"id": "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "kind": "CREDIT_NOTE", "amountCents": -1500000, "amount": "-15000.00", "paidOn": "2021-09-30",
             "reference": "TITRE-2021-000045", "recordedAt": "2021-09-30T08:00:00Z"}], "page": 0, "size": 50, "total": 2}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "amountCents: must be greater than 0; object: must not be blank",
             "instance": "/api/funding/lines",
             "errors": [{"field": "amountCents", "reason": "must be greater than 0"},
                        {"field": "object", "reason": "must not be blank"}]}""";

    static final String DUPLICATE_KEY_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/duplicate-key", "title": "Duplicate key", "status": 409,
             "detail": "key: a funder already has key etat-seine-saint-denis", "instance": "/api/funding/funders",
             "errors": [{"field": "key", "reason": "a funder already has key etat-seine-saint-denis"}],
             "existing": "/api/funding/funders/4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60"}""";

    static final String CEILING_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/envelope-ceiling-exceeded", "title": "Envelope ceiling exceeded",
             "status": 409, "detail": "Committing this line would take envelope c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f above its ceiling: ceiling 100000000 cents (1000000.00 €), already committed 90000000 cents (900000.00 €), requested 20000000 cents (200000.00 €), excess 10000000 cents (100000.00 €)",
             "instance": "/api/funding/lines",
             "errors": [{"field": "amountCents", "reason": "Committing this line would take envelope c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f above its ceiling: ceiling 100000000 cents (1000000.00 €), already committed 90000000 cents (900000.00 €), requested 20000000 cents (200000.00 €), excess 10000000 cents (100000.00 €)"}]}""";

    static final String PARENT_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/parent-amount-exceeded", "title": "Parent line amount exceeded",
             "status": 409, "detail": "The sub-lines of line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 would sum above its amount: parent amount 21000000 cents (210000.00 €), sub-lines already 20300000 cents (203000.00 €), requested 2000000 cents (20000.00 €), excess 1300000 cents (13000.00 €)",
             "instance": "/api/funding/lines",
             "errors": [{"field": "amountCents", "reason": "The sub-lines of line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 would sum above its amount: parent amount 21000000 cents (210000.00 €), sub-lines already 20300000 cents (203000.00 €), requested 2000000 cents (20000.00 €), excess 1300000 cents (13000.00 €)"}]}""";

    static final String PAYMENTS_EXCEED_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/payments-exceed-commitment", "title": "Payments above the commitment",
             "status": 409, "detail": "Payments on line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 would sum above its committed amount: committed 40000000 cents (400000.00 €), already paid 35000000 cents (350000.00 €), requested 10000000 cents (100000.00 €), excess 5000000 cents (50000.00 €)",
             "instance": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments",
             "errors": [{"field": "amountCents", "reason": "Payments on line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 would sum above its committed amount: committed 40000000 cents (400000.00 €), already paid 35000000 cents (350000.00 €), requested 10000000 cents (100000.00 €), excess 5000000 cents (50000.00 €)"}]}""";

    static final String BELOW_ZERO_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/payments-below-zero", "title": "Payments below zero",
             "status": 409, "detail": "This credit note would take the payments on line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 below zero: already paid 1000000 cents (10000.00 €), requested -1500000 cents (-15000.00 €), shortfall 500000 cents (5000.00 €)",
             "instance": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments",
             "errors": [{"field": "amountCents", "reason": "This credit note would take the payments on line e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9 below zero: already paid 1000000 cents (10000.00 €), requested -1500000 cents (-15000.00 €), shortfall 500000 cents (5000.00 €)"}]}""";

    static final String WRONG_STATUS_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/wrong-status", "title": "Not possible in this status", "status": 409,
             "detail": "status: the line is PAID; commit needs DRAFT; from PAID the line can move to COMMITTED, PARTLY_PAID, CLOSED",
             "instance": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/commit",
             "errors": [{"field": "status", "reason": "the line is PAID; commit needs DRAFT; from PAID the line can move to COMMITTED, PARTLY_PAID, CLOSED"}]}""";

    static final String OUTSIDE_TERRITORY_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/outside-territory", "title": "Outside your territory", "status": 403,
             "detail": "This record belongs to Plaine Commune (EPT 200057867, département 93); a partner of territory 200057875 writes only in its own territory",
             "instance": "/api/funding/lines"}""";

    private Examples() {
    }

    static final String SEED_LOAD_REPORT = """
            {"seed": "release-2021-01-15",
             "kinds": {"funders": {"created": 2, "alreadyThere": 0, "refused": 0},
                       "programmes": {"created": 6, "alreadyThere": 0, "refused": 0},
                       "envelopes": {"created": 5, "alreadyThere": 0, "refused": 0},
                       "beneficiaries": {"created": 3, "alreadyThere": 0, "refused": 0},
                       "lines": {"created": 8, "alreadyThere": 0, "refused": 1},
                       "statedTotals": {"created": 6, "alreadyThere": 0, "refused": 0}},
             "refusals": [{"kind": "line", "key": "2020-cartographie-hub-francilin", "requestedCents": 2000000,
               "requestedEuros": "20000.00", "status": 409, "type": "https://inclusion93.fr/problems/parent-amount-exceeded",
               "title": "Parent line amount exceeded",
               "detail": "The sub-lines of line 3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9 would sum above its amount: parent amount 21000000 cents (210000.00 €), sub-lines already 20300000 cents (203000.00 €), requested 2000000 cents (20000.00 €), excess 1300000 cents (13000.00 €)",
               "errors": [{"field": "amountCents", "reason": "The sub-lines of line 3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9 would sum above its amount: parent amount 21000000 cents (210000.00 €), sub-lines already 20300000 cents (203000.00 €), requested 2000000 cents (20000.00 €), excess 1300000 cents (13000.00 €)"}]}]}""";

    static final String RECONCILIATION = """
            {"version": 1, "rows": [{"key": "dont-210000", "seed": "release-2021-01-15", "kind": "dont",
              "wording": "210 000€", "qualifier": null, "statedCents": 21000000, "statedEuros": "210000.00",
              "claims": "des actions structurantes de lutte contre la fracture numérique à l’échelle du département",
              "parts": ["2020-reconditionnement-ordinateurs", "2020-essaimage-emmaus-connect", "2020-cartographie-hub-francilin"],
              "partFigures": [
                {"lineKey": "2020-reconditionnement-ordinateurs", "publishedCents": 19300000,
                 "lineId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "lineStatus": "COMMITTED", "loadedCents": 19300000,
                 "refused": false, "refusalDetail": null},
                {"lineKey": "2020-essaimage-emmaus-connect", "publishedCents": 1000000,
                 "lineId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "lineStatus": "COMMITTED", "loadedCents": 1000000,
                 "refused": false, "refusalDetail": null},
                {"lineKey": "2020-cartographie-hub-francilin", "publishedCents": 2000000, "lineId": null, "lineStatus": null,
                 "loadedCents": null, "refused": true,
                 "refusalDetail": "The sub-lines of line 3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9 would sum above its amount: parent amount 21000000 cents (210000.00 €), sub-lines already 20300000 cents (203000.00 €), requested 2000000 cents (20000.00 €), excess 1300000 cents (13000.00 €)"}],
              "publishedPartsCents": 22300000, "publishedPartsEuros": "223000.00", "loadedPartsCents": 20300000,
              "loadedPartsEuros": "203000.00", "partsWithoutAmount": [], "refusedParts": ["2020-cartographie-hub-francilin"],
              "differenceCents": 1300000, "differenceEuros": "13000.00", "loadedDifferenceCents": -700000,
              "verdict": "CONFLICT",
              "source": "210 000€ ont permis de financer des actions structurantes de lutte contre la fracture numérique à l’échelle du département, dont :"}]}""";

    static final String RECONCILIATION_CSV = """
            key,kind,qualifier,wording,stated_cents,stated_euros,parts,part_line_ids,published_parts_cents,loaded_parts_cents,parts_without_amount,refused_parts,difference_cents,difference_euros,loaded_difference_cents,verdict
            dont-210000,dont,,210 000€,21000000,210000.00,2020-reconditionnement-ordinateurs|2020-essaimage-emmaus-connect|2020-cartographie-hub-francilin,1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d|2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e|,22300000,20300000,,2020-cartographie-hub-francilin,1300000,13000.00,-700000,CONFLICT
            """;

    static final String LINE_CHANGES_PAGE = """
            {"items": [""" + LINE + """
            ], "next": "MTA0OC4wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA"}""";

    static final String LINE_CHANGES_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "cursor: is not a cursor this operation gave (send the next of your last answer)",
             "instance": "/api/funding/lines/changes",
             "errors": [{"field": "cursor", "reason": "is not a cursor this operation gave (send the next of your last answer)"}]}""";

    private static final String LINE_AUDIT_ENTRY = """
            {"recordedAt": "2021-02-15T10:00:00.123456Z", "actor": "prefecture-93",
             "requestId": "7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",
             "action": "PaymentRecorded", "recordType": "funding-line", "recordId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "before": {"id": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "status": "COMMITTED", "paidCents": 0, "paid": "0.00"},
             "after": """ + LINE + "}";

    static final String LINE_HISTORY = """
            {"items": [""" + LINE_AUDIT_ENTRY + """
            ], "next": null}""";

    static final String LINE_HISTORY_PAGE = """
            {"items": [""" + LINE_AUDIT_ENTRY + """
            ], "next": "MTYxMDcwMzAwMDEyMzQ1Ni40Mg"}""";

    static final String LINE_HISTORY_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "from: is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)",
             "instance": "/api/funding/lines/history",
             "errors": [{"field": "from", "reason": "is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)"}]}""";

    static final String LINE_CORRECTION = """
            {"conventionDate": "2020-12-01", "conventionReference": "CONV-2020-93-042", "paymentConditions": "TRANCHES"}""";

    static final String LINE_CORRECTION_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "amountCents: is not corrected by a PATCH: the amount and status move with commit, cancel, close and payments",
             "instance": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "errors": [{"field": "amountCents", "reason": "is not corrected by a PATCH: the amount and status move with commit, cancel, close and payments"}]}""";

    static final String BREAKDOWN = """
            {"version": 1, "by": "commune", "rows": [
              {"key": "COMMUNE:93027", "label": "La Courneuve", "ceilingCents": null, "ceiling": null,
               "committedCents": 40000000, "committed": "400000.00", "paidCents": 10000000, "paid": "100000.00",
               "remainingCents": null, "remaining": null, "forecastCents": 2500000, "forecast": "25000.00", "lineCount": 1,
               "lines": "/api/funding/reports/breakdown/lines?by=commune&key=COMMUNE%3A93027"}],
             "totals": {"key": "total", "label": "Total", "ceilingCents": 100000000, "ceiling": "1000000.00",
               "committedCents": 40000000, "committed": "400000.00", "paidCents": 10000000, "paid": "100000.00",
               "remainingCents": 60000000, "remaining": "600000.00", "forecastCents": 2500000, "forecast": "25000.00",
               "lineCount": 1, "lines": null}}""";

    static final String BREAKDOWN_CSV = """
            key,label,ceiling_cents,ceiling_euros,committed_cents,committed_euros,paid_cents,paid_euros,remaining_cents,remaining_euros,forecast_cents,forecast_euros,line_count,lines
            COMMUNE:93027,La Courneuve,,,40000000,400000.00,10000000,100000.00,,,2500000,25000.00,1,/api/funding/reports/breakdown/lines?by=commune&key=COMMUNE%3A93027
            total,Total,100000000,1000000.00,40000000,400000.00,10000000,100000.00,60000000,600000.00,2500000,25000.00,1,
            """;

    static final String BREAKDOWN_LINES = """
            {"items": [{"lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "parentId": null, "kind": "LINE", "year": 2020,
              "committedCents": 40000000, "paidCents": 10000000, "forecastCents": 0,
              "line": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
              "payments": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments"},
             {"lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "parentId": null, "kind": "FORECAST", "year": 2021,
              "committedCents": 0, "paidCents": 0, "forecastCents": 2500000,
              "line": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
              "payments": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments"}], "next": null}""";

    static final String BREAKDOWN_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "by: must be one of programme, envelope, year, beneficiary, commune, ept, departement",
             "instance": "/api/funding/reports/breakdown",
             "errors": [{"field": "by", "reason": "must be one of programme, envelope, year, beneficiary, commune, ept, departement"}]}""";

    static final String POST_RESERVATION = """
            {"postId": "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f", "agreementId": "5f0c9a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
             "envelopeId": "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
             "status": "RELEASED", "reservedCents": 5000000, "reserved": "50000.00", "releasedCents": 1250000,
             "released": "12500.00", "fundedMonths": 24, "refusalReason": null, "refusalDetail": null,
             "endedOn": "2022-06-30", "monthsConsumed": 18, "createdAt": "2021-03-01T09:30:00Z",
             "updatedAt": "2022-07-01T08:00:00Z"}""";

    static final String POST_RESERVATION_PAGE = """
            {"items": [""" + POST_RESERVATION + """
            ], "page": 0, "size": 50, "total": 1}""";

    static final String EXECUTION = """
            {"version": 1, "period": "quarter", "from": "2021-01-01", "to": "2022-01-01", "rows": [
              {"period": "2021-Q1", "periodStart": "2021-01-01", "lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
               "parentId": null, "committedCents": 40000000, "committed": "400000.00", "paidCents": 10000000,
               "paid": "100000.00", "cumulativeCommittedCents": 40000000, "cumulativePaidCents": 10000000,
               "line": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
               "payments": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments"}],
             "totals": [{"period": "2021-Q1", "periodStart": "2021-01-01", "committedCents": 40000000, "paidCents": 10000000}]}""";

    static final String EXECUTION_CSV = """
            period,period_start,line_id,parent_id,committed_cents,committed_euros,paid_cents,paid_euros,cumulative_committed_cents,cumulative_paid_cents,line,payments
            2021-Q1,2021-01-01,e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9,,40000000,400000.00,10000000,100000.00,40000000,10000000,/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9,/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments
            """;

    static final String EXECUTION_PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "period: is required: month, quarter or year",
             "instance": "/api/funding/reports/execution",
             "errors": [{"field": "period", "reason": "is required: month, quarter or year"}]}""";
}
