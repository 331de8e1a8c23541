package fr.inclusion93.funding.scdl;

/** Examples of the OpenAPI contract for the SCDL export. */
final class ScdlExamples {

    static final String CSV = """
            "nomAttribuant","idAttribuant","dateConvention","referenceDecision","nomBeneficiaire","idBeneficiaire","rnaBeneficiaire","objet","montant","nature","conditionsVersement","datesPeriodeVersement","idRAE","notificationUE","pourcentageSubvention","dispositifAide"
            "Préfecture de la Seine-Saint-Denis","13000170300010","2020-12-01","ARR-2020-1234","Commune de La Courneuve","21930027400012","","Équipement de 3 500 élèves d'écoles primaires","400000.00","aide en numéraire","échelonné","2021-02-15/2021-06-30","","non","0.8","DSIL"
            """;

    static final String JSON = """
            [{"nomAttribuant": "Préfecture de la Seine-Saint-Denis", "idAttribuant": "13000170300010",
              "dateConvention": "2020-12-01", "referenceDecision": "ARR-2020-1234",
              "nomBeneficiaire": "Commune de La Courneuve", "idBeneficiaire": "21930027400012",
              "objet": "Équipement de 3 500 élèves d'écoles primaires", "montant": 400000.00,
              "nature": "aide en numéraire", "conditionsVersement": "échelonné",
              "datesPeriodeVersement": "2021-02-15/2021-06-30", "notificationUE": "non", "pourcentageSubvention": 0.8,
              "dispositifAide": "DSIL"}]""";

    static final String OMISSIONS = """
            [{"lineId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "line": "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
              "missing": "dateConvention: the line has no convention date; pourcentageSubvention: the co-financing share is not stated (or below 1 %)"}]""";

    private ScdlExamples() {
    }
}
