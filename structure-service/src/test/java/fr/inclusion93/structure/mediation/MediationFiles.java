package fr.inclusion93.structure.mediation;

import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.writes.tables.StreamedTable;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files of the national standard for tests: valid rows of Seine-Saint-Denis to change a value of. */
final class MediationFiles {

    private MediationFiles() {
    }

    /** A library of La Courneuve with every column filled, under a fresh SIRET. */
    static Map<String, String> library() {
        Map<String, String> row = new LinkedHashMap<>();
        MediationSchema.instance().columns().forEach(column -> row.put(column, ""));
        String siret = TestSirets.nextOfPublicBody();
        row.put("id", "bib-" + siret);
        row.put("pivot", siret);
        row.put("nom", "Médiathèque " + siret);
        row.put("commune", "La Courneuve");
        row.put("code_postal", "93120");
        row.put("code_insee", "93027");
        row.put("adresse", "9 avenue du Général Leclerc");
        row.put("complement_adresse", "Rez-de-chaussée");
        row.put("latitude", "48.92741");
        row.put("longitude", "2.38645");
        row.put("typologie", "BIB|MUNI");
        row.put("telephone", "+33149926150");
        row.put("courriels", "mediatheques@lacourneuve.fr|accueil@lacourneuve.fr");
        row.put("site_web", "https://www.lacourneuve.fr|https://www.facebook.com/lacourneuve");
        row.put("horaires", "Tu-Sa 10:00-12:30,14:00-18:00; PH off");
        row.put("presentation_resume", "Ateliers numériques, accès libre aux ordinateurs, aide aux démarches.");
        row.put("presentation_detail", "Des \"ateliers\" chaque semaine, sur inscription;\nun accès libre l'après-midi.");
        row.put("source", "Ville de La Courneuve");
        row.put("itinerance", "Fixe");
        row.put("structure_parente", "Réseau des médiathèques de Plaine Commune");
        row.put("date_maj", "2021-01-15");
        row.put("services", "Aide aux démarches administratives|Accès internet et matériel informatique");
        row.put("publics_specifiquement_adresses", "Seniors|Jeunes");
        row.put("prise_en_charge_specifique", "Illettrisme");
        row.put("frais_a_charge", "Gratuit");
        row.put("dispositif_programmes_nationaux", "Aidants Connect");
        row.put("formations_labels", "Formé à « Mon Espace Santé »");
        row.put("autres_formations_labels", "Label Numérique Inclusif");
        row.put("modalites_acces", "Se présenter|Téléphoner");
        row.put("modalites_accompagnement", "Accompagnement individuel|Dans un atelier collectif");
        row.put("fiche_acces_libre", "https://acceslibre.beta.gouv.fr/app/93-la-courneuve/a/bibliotheque-mediatheque/erp/john-lennon/");
        row.put("prise_rdv", "https://www.rdv-solidarites.fr/");
        return row;
    }

    /** An association of Bobigny known by its RNA, only the required columns and a typology. */
    static Map<String, String> association() {
        Map<String, String> row = new LinkedHashMap<>();
        MediationSchema.instance().columns().forEach(column -> row.put(column, ""));
        String rna = "W" + TestSirets.next().substring(4, 13);
        row.put("id", "asso-" + rna);
        row.put("pivot", rna);
        row.put("nom", "Association Bobigny Connectée " + rna);
        row.put("commune", "Bobigny");
        row.put("code_postal", "93000");
        row.put("adresse", "1 rue de l'Union");
        row.put("typologie", "ASSO");
        row.put("date_maj", "2024-04-02");
        return row;
    }

    static Map<String, String> with(Map<String, String> row, String... columnsAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(row);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            changed.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return changed;
    }

    /** A CSV file of these rows, with the header of the first row's columns. */
    @SafeVarargs
    static String csv(Map<String, String>... rows) {
        StringWriter out = new StringWriter();
        List<String> header = List.copyOf(rows[0].keySet());
        StreamedTable.writeCsvLine(out, header);
        Arrays.stream(rows).forEach(row -> StreamedTable.writeCsvLine(out, header.stream().map(row::get).toList()));
        return out.toString();
    }
}
