package fr.inclusion93.funding.scdl;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.funding.service.Money;
import fr.inclusion93.writes.tables.DatabaseCsv;
import fr.inclusion93.writes.tables.StreamedTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The committed money as SCDL subventions 2.1.1 (the open-data standard of subsidies), read through a database cursor
 * and written as it comes. One row per committed sub-line ("dont") and per committed top-level line for what its
 * sub-lines leave of its amount (none when they take it all): the rows' montant sum to the committed total, nothing
 * counted twice. A line that lacks what the standard requires is left out, never written half-true, and listed by
 * {@link #writeOmissions} with what it lacks, so that it can be completed (PATCH /api/funding/lines/{id}).
 */
@ApplicationScoped
public class ScdlExport {

    public static final List<String> COLUMNS = List.of("nomAttribuant", "idAttribuant", "dateConvention",
            "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature",
            "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
            "dispositifAide");
    private static final String COMMITTED = "('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')";
    /**
     * Every committed row: the top-level lines (what their sub-lines leave), then the sub-lines (what they miss, taken
     * from their parent). Two branches rather than one join of every line to its parent: a million-line hash less.
     */
    private static final String ROWS = """
            SELECT l.id, f.name AS funder_name, f.siret AS funder_siret, l.convention_date, l.decision_reference,
                   b.name AS beneficiary_name, b.siret AS beneficiary_siret, b.rna AS beneficiary_rna, l.object,
                   l.amount_cents - coalesce(a.cents, 0) AS cents, l.nature, l.payment_conditions,
                   pay.first_paid, pay.last_paid, p.name AS programme
            FROM funding_line l
            JOIN envelope e ON e.id = l.envelope_id
            JOIN programme p ON p.id = e.programme_id
            JOIN funder f ON f.id = p.funder_id
            LEFT JOIN beneficiary b ON b.id = l.beneficiary_id
            LEFT JOIN (SELECT parent_id, sum(amount_cents) AS cents FROM funding_line
                       WHERE parent_id IS NOT NULL AND status IN %1$s GROUP BY parent_id) a ON a.parent_id = l.id
            LEFT JOIN %2$s pay ON pay.line_id = l.id
            WHERE l.parent_id IS NULL AND l.status IN %1$s AND l.amount_cents - coalesce(a.cents, 0) > 0
            UNION ALL
            SELECT l.id, f.name, f.siret, l.convention_date, l.decision_reference, b.name, b.siret, b.rna, l.object,
                   l.amount_cents, coalesce(l.nature, top.nature), coalesce(l.payment_conditions, top.payment_conditions),
                   pay.first_paid, pay.last_paid, p.name
            FROM funding_line l
            JOIN funding_line top ON top.id = l.parent_id
            JOIN envelope e ON e.id = l.envelope_id
            JOIN programme p ON p.id = e.programme_id
            JOIN funder f ON f.id = p.funder_id
            LEFT JOIN beneficiary b ON b.id = coalesce(l.beneficiary_id, top.beneficiary_id)
            LEFT JOIN %2$s pay ON pay.line_id = l.id
            WHERE l.parent_id IS NOT NULL AND l.status IN %1$s AND top.parent_id IS NULL AND top.status IN %1$s
            """.formatted(COMMITTED, "(SELECT line_id, min(paid_on) AS first_paid, max(paid_on) AS last_paid FROM payment "
                    + "GROUP BY line_id)");
    /** What the standard requires of a row; {@link #missing} says the same in words. */
    private static final String COMPLETE = "funder_siret IS NOT NULL AND convention_date IS NOT NULL "
            + "AND (beneficiary_siret IS NOT NULL OR beneficiary_rna IS NOT NULL) AND nature IS NOT NULL "
            + "AND payment_conditions IS NOT NULL";
    // no ORDER BY: sorting every row would hold back the first until all are read
    private static final String EXPORTED = "SELECT * FROM (" + ROWS + ") r WHERE " + COMPLETE;
    /** The exported rows as the standard's columns, formatted by the database as {@link #row} does. */
    private static final String EXPORTED_CSV = """
            SELECT funder_name AS "nomAttribuant", funder_siret AS "idAttribuant", convention_date AS "dateConvention",
                   decision_reference AS "referenceDecision", beneficiary_name AS "nomBeneficiaire",
                   beneficiary_siret AS "idBeneficiaire", beneficiary_rna AS "rnaBeneficiaire", object AS "objet",
                   (cents / 100.0)::numeric(20, 2) AS "montant",
                   CASE nature WHEN 'EN_NATURE' THEN 'aide en nature'
                               WHEN 'NUMERAIRE_ET_EN_NATURE' THEN 'aide en numéraire;aide en nature'
                               ELSE 'aide en numéraire' END AS "nature",
                   CASE payment_conditions WHEN 'TRANCHES' THEN 'échelonné' ELSE 'unique' END AS "conditionsVersement",
                   CASE WHEN first_paid IS NULL THEN convention_date::text
                        WHEN first_paid = last_paid THEN first_paid::text
                        ELSE first_paid || '/' || last_paid END AS "datesPeriodeVersement",
                   NULL AS "idRAE", 'non' AS "notificationUE", '1' AS "pourcentageSubvention",
                   programme AS "dispositifAide"
            FROM (""" + EXPORTED + ") exported";
    private static final String OMITTED = "SELECT * FROM (" + ROWS + ") r WHERE NOT (" + COMPLETE + ")";

    private final DataSource dataSource;
    private final ObjectMapper json;

    ScdlExport(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void writeCsv(OutputStream output) {
        DatabaseCsv.write(output, COLUMNS, dataSource, EXPORTED_CSV);
    }

    public void writeJson(OutputStream output) {
        StreamedTable.writeJson(output, json, List.of("montant", "pourcentageSubvention"), dataSource, EXPORTED,
                ScdlExport::row);
    }

    /** The committed lines left out, each with what the standard requires and it lacks. */
    public void writeOmissions(OutputStream output) {
        StreamedTable.writeJson(output, json, List.of(), dataSource, OMITTED, rows -> {
            List<String> missing = missing(rows);
            if (missing.isEmpty()) {
                return null;
            }
            Map<String, String> omission = new LinkedHashMap<>();
            omission.put("lineId", rows.getString("id"));
            omission.put("line", "/api/funding/lines/" + rows.getString("id"));
            omission.put("missing", String.join("; ", missing));
            return omission;
        });
    }

    private static List<String> missing(ResultSet rows) throws SQLException {
        List<String> missing = new ArrayList<>();
        if (rows.getString("funder_siret") == null) {
            missing.add("idAttribuant: the funder has no SIRET");
        }
        if (rows.getString("convention_date") == null) {
            missing.add("dateConvention: the line has no convention date");
        }
        if (rows.getString("beneficiary_siret") == null && rows.getString("beneficiary_rna") == null) {
            missing.add("idBeneficiaire or rnaBeneficiaire: no known beneficiary with a SIRET or an RNA");
        }
        if (rows.getString("nature") == null) {
            missing.add("nature: not stated");
        }
        if (rows.getString("payment_conditions") == null) {
            missing.add("conditionsVersement: not stated");
        }
        return missing;
    }

    private static Map<String, String> row(ResultSet rows) throws SQLException {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("nomAttribuant", rows.getString("funder_name"));
        row.put("idAttribuant", rows.getString("funder_siret"));
        row.put("dateConvention", rows.getString("convention_date")); // ISO dates as PostgreSQL writes them
        row.put("referenceDecision", rows.getString("decision_reference"));
        row.put("nomBeneficiaire", rows.getString("beneficiary_name"));
        row.put("idBeneficiaire", rows.getString("beneficiary_siret"));
        row.put("rnaBeneficiaire", rows.getString("beneficiary_rna"));
        row.put("objet", rows.getString("object"));
        row.put("montant", Money.euros(rows.getLong("cents")));
        row.put("nature", switch (rows.getString("nature")) {
            case "EN_NATURE" -> "aide en nature";
            case "NUMERAIRE_ET_EN_NATURE" -> "aide en numéraire;aide en nature";
            default -> "aide en numéraire";
        });
        row.put("conditionsVersement", "TRANCHES".equals(rows.getString("payment_conditions")) ? "échelonné" : "unique");
        row.put("datesPeriodeVersement", period(rows.getString("first_paid"), rows.getString("last_paid"),
                rows.getString("convention_date")));
        row.put("idRAE", null);
        row.put("notificationUE", "non");
        row.put("pourcentageSubvention", "1"); // each row is one beneficiary's own grant (a "dont" is a row of its own)
        row.put("dispositifAide", rows.getString("programme"));
        return row;
    }

    /** The payments' first and last days; before any payment, the convention's day. */
    private static String period(String first, String last, String convention) {
        if (first == null) {
            return convention;
        }
        return first.equals(last) ? first : first + "/" + last;
    }
}
