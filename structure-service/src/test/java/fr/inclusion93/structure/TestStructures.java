package fr.inclusion93.structure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of valid structure requests (a library of La Courneuve, Plaine Commune), for tests to change one field of. */
public final class TestStructures {

    public static final String LA_COURNEUVE = "93027";

    private TestStructures() {
    }

    /** A full registration with this SIRET; change or remove any entry. */
    public static Map<String, Object> body(String siret) {
        Map<String, Object> body = minimal(siret);
        body.put("qpv", true);
        body.put("qpvCode", "QP093005");
        body.put("latitude", 48.92741);
        body.put("longitude", 2.38645);
        body.put("openingHours", "Tu-Sa 10:00-12:30,14:00-18:00; PH off");
        body.put("services", List.of("Aide aux démarches administratives", "Accès internet et matériel informatique"));
        body.put("phone", "01 49 92 61 50");
        body.put("email", "mediatheques@lacourneuve.fr");
        body.put("website", "https://www.lacourneuve.fr");
        return body;
    }

    /** Only what a registration requires. */
    public static Map<String, Object> minimal(String siret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Médiathèque John Lennon");
        if (siret != null) {
            body.put("siret", siret);
        }
        body.put("legalKind", "PUBLIC_COLLECTIVITY");
        body.put("type", "BIB");
        body.put("address", "9 avenue du Général Leclerc");
        body.put("postalCode", "93120");
        body.put("communeInsee", LA_COURNEUVE);
        return body;
    }

    /** An association of Bobigny (Est Ensemble) known by its RNA only. */
    public static Map<String, Object> association(String rna) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Association Bobigny Connectée " + rna);
        body.put("rna", rna);
        body.put("legalKind", "ASSOCIATION");
        body.put("type", "ASSO");
        body.put("address", "1 rue de l'Union");
        body.put("postalCode", "93000");
        body.put("communeInsee", "93008");
        return body;
    }

    /** A fresh RNA number. */
    public static String nextRna() {
        return "W" + TestSirets.next().substring(4, 13);
    }
}
