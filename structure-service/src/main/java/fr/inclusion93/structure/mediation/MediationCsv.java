package fr.inclusion93.structure.mediation;

import fr.inclusion93.writes.tables.CsvFile;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads CSV files of the national standard (RFC 4180, UTF-8, comma, header row). */
public final class MediationCsv {

    private MediationCsv() {
    }

    /**
     * The data rows of a file, each value stripped; refuses (400) a file that is not CSV or whose header is not the
     * standard's (a column it does not know, a required one missing, one named twice), and (422) a row whose number of
     * values is not the header's.
     */
    public static List<MediationRow> read(InputStream body) {
        return read(body, StandardCharsets.UTF_8);
    }

    public static List<MediationRow> read(InputStream body, Charset charset) {
        MediationSchema schema = MediationSchema.instance();
        CsvFile.Standard standard = new CsvFile.Standard("lieux de médiation numérique " + MediationSchema.VERSION,
                schema.columns(), schema.fields().stream().filter(MediationSchema.Field::required)
                        .map(MediationSchema.Field::name).toList());
        return CsvFile.read(body, charset, standard).stream().map(row -> new MediationRow(row.number(), row.values())).toList();
    }
}
