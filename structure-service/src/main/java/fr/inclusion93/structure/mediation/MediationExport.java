package fr.inclusion93.structure.mediation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.writes.tables.StreamedTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes every active structure in the national standard of lieux de médiation numérique, as CSV or as a JSON array of
 * objects keyed by the standard's column names. Rows are read through a database cursor and written as they come:
 * memory does not grow with the registry. A place hosting an occupied conseiller numérique post is in the
 * "Conseillers numériques" programme. Structures registered before the registry had addresses are left out until
 * completed (the standard requires an address and a postal code).
 */
@ApplicationScoped
public class MediationExport {

    static final String CONSEILLERS_NUMERIQUES = "Conseillers numériques";
    /** A place with no SIRET or RNA of its own nor of its parent: the national data's "unknown" pivot. */
    static final String UNKNOWN_PIVOT = "00000000000000";
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final TypeReference<Map<String, String>> MEDIATION = new TypeReference<>() { };
    private static final String QUERY = """
            SELECT s.id, s.name, s.siret, s.rna, p.siret AS parent_siret, p.rna AS parent_rna, p.name AS parent_name,
                   s.commune_insee, s.postal_code, s.address, s.address_complement, s.latitude, s.longitude, s.type,
                   s.phone, s.email, s.website, s.opening_hours, s.services, s.mediation::text AS mediation,
                   s.hosts_conseiller, s.updated_at
            FROM structure s LEFT JOIN structure p ON p.id = s.parent_id
            WHERE s.status = 'ACTIVE' AND s.address IS NOT NULL AND s.postal_code IS NOT NULL
            ORDER BY s.registered_at, s.id""";

    private final DataSource dataSource;
    private final Communes communes;
    private final ObjectMapper json;

    MediationExport(DataSource dataSource, Communes communes, ObjectMapper json) {
        this.dataSource = dataSource;
        this.communes = communes;
        this.json = json;
    }

    public void writeCsv(OutputStream output) {
        StreamedTable.writeCsv(output, MediationSchema.instance().columns(), dataSource, QUERY, this::row);
    }

    public void writeJson(OutputStream output) {
        StreamedTable.writeJson(output, json, List.of("latitude", "longitude"), dataSource, QUERY, this::row);
    }

    /** One structure by the standard's column names. */
    private Map<String, String> row(ResultSet rows) throws SQLException {
        Map<String, String> kept = readMediation(rows.getString("mediation"));
        Map<String, String> row = new LinkedHashMap<>(kept);
        row.put("id", rows.getString("id"));
        row.put("pivot", firstNonNull(rows.getString("siret"), rows.getString("rna"), rows.getString("parent_siret"),
                rows.getString("parent_rna"), UNKNOWN_PIVOT));
        row.put("nom", rows.getString("name"));
        row.put("commune", communes.byInseeCode(rows.getString("commune_insee")).map(Commune::name).orElse(""));
        row.put("code_postal", rows.getString("postal_code"));
        row.put("code_insee", rows.getString("commune_insee"));
        row.put("adresse", rows.getString("address"));
        row.put("complement_adresse", rows.getString("address_complement"));
        row.put("latitude", number(rows, "latitude"));
        row.put("longitude", number(rows, "longitude"));
        row.put("typologie", listStartingWith(kept.get("typologie"), rows.getString("type")));
        row.put("telephone", rows.getString("phone"));
        row.put("courriels", listStartingWith(kept.get("courriels"), rows.getString("email")));
        row.put("site_web", listStartingWith(kept.get("site_web"), rows.getString("website")));
        row.put("horaires", rows.getString("opening_hours"));
        if (kept.get("structure_parente") == null) {
            row.put("structure_parente", rows.getString("parent_name"));
        }
        row.put("date_maj", rows.getTimestamp("updated_at").toInstant().atZone(FRANCE).toLocalDate().toString());
        row.put("services", String.join("|", strings(rows.getArray("services"))));
        row.put("dispositif_programmes_nationaux", programmes(kept.get("dispositif_programmes_nationaux"),
                rows.getBoolean("hosts_conseiller")));
        return row;
    }

    private Map<String, String> readMediation(String value) {
        try {
            return json.readValue(value, MEDIATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list the import kept when it still starts with the registry's value (not changed since), else that value. */
    private static String listStartingWith(String kept, String value) {
        if (value == null) {
            return null;
        }
        List<String> list = kept == null ? List.of() : MediationRowReader.list(kept);
        return !list.isEmpty() && list.get(0).equals(value) ? String.join("|", list) : value;
    }

    private static String programmes(String kept, boolean hostsConseiller) {
        Set<String> programmes = new LinkedHashSet<>(kept == null ? List.of() : MediationRowReader.list(kept));
        if (hostsConseiller) {
            programmes.add(CONSEILLERS_NUMERIQUES);
        }
        return String.join("|", programmes);
    }

    private static String number(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : BigDecimal.valueOf(value).toPlainString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static String firstNonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null).findFirst().orElseThrow();
    }
}
