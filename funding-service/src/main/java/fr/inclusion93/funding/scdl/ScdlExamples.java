package fr.inclusion93.funding.scdl;

/** Examples of the OpenAPI contract for the SCDL export. */
final class ScdlExamples {

    static final String CSV = """
            "nomAttribuant","idAttribuant","dateConvention","referenceDecision","nomBeneficiaire","idBeneficiaire","rnaBeneficiaire","objet","montant","nature","conditionsVersement","datesPeriodeVersement","idRAE","notificationUE","pourcentageSubvention","dispositifAide"
            "Préfecture de la Seine-Saint-Denis","13000170300010","2020-12-01","ARR-2020-1234","Commune de La Courneuve","21930027400012","","Équipement de 3 500 élèves d'écoles primaires","400000.00","aide en numéraire","échelonné","2021-02-15/2021-06-30","","non","1","DSIL"
            """;

    static final String JSON = """
            [{"nomAttribuant": "Préfecture de la Seine-Saint-Denis", "idAttribuant": "13000170300010",
              "dateConvention": "2020-12-01", "referenceDecision": "ARR-2020-1234",
              "nomBeneficiaire": "Commune de La Courneuve", "idBeneficiaire": "21930027400012",
              "objet": "Équipement de 3 500 élèves d'écoles primaires", "montant": 400000.00,
              "nature": "aide en numéraire", "conditionsVersement": "échelonné",
              "datesPeriodeVersement": "2021-02-15/2021-06-30", "notificationUE": "non", "pourcentageSubvention": 1,
              "dispositifAide": "DSIL"}]""";

    static final String OMISSIONS = """
            [{"lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "line": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
              "missing": "dateConvention: the line has no convention date"}]""";

    static final String IMPORT_CSV = """
            nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide
            Commune de La Courneuve,21930027400012,2020-12-01,DEL-2020-42,Association Ressources Numériques,,W932001234,Ateliers numériques,12500.50,aide en numéraire,unique,2021-01-15,,non,0.5,
            """;

    static final String IMPORT_REPORT = """
            {"rows": 1, "created": 1, "unchanged": 0}""";

    static final String IMPORT_HEADER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "header: required column montant is missing",
             "instance": "/api/funding/imports/scdl",
             "errors": [{"field": "header", "reason": "required column montant is missing"}]}""";

    static final String IMPORT_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid file", "status": 422,
             "detail": "2 error(s) in the file; nothing was imported",
             "instance": "/api/funding/imports/scdl",
             "errors": [{"field": "row 1: montant", "reason": "must be an amount in euros above zero with at most two decimals (e.g. 99786.57)"},
                        {"field": "row 3: idAttribuant", "reason": "is not the SIRET of the envelope's funder (21930027400012)"}]}""";

    private ScdlExamples() {
    }
}
