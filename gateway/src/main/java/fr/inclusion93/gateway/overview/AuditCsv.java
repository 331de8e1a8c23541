package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The auditors' history as CSV (RFC 4180: comma, CRLF, a header row): one row per change, the columns below in this
 * order whatever the services add to their entries; {@code before} and {@code after} are the record's JSON.
 */
final class AuditCsv implements AutoCloseable {

    static final List<String> COLUMNS = List.of("part", "service", "recordedAt", "recordType", "recordId", "action",
            "actor", "requestId", "traceId", "before", "after");
    /** The entry's own fields, the columns after part and service. */
    private static final List<String> ENTRY_FIELDS = COLUMNS.subList(2, COLUMNS.size());
    // The response's stream is the framework's to close. Quotes only where RFC 4180 needs them: Jackson otherwise
    // quotes every value longer than 24 characters (ids, instants), unquoted when shorter.
    private static final CsvMapper CSV = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .setUseHeader(true).setLineSeparator("\r\n").build();

    private final SequenceWriter rows;

    AuditCsv(OutputStream out) throws IOException {
        this.rows = CSV.writer(SCHEMA).writeValues(out);
    }

    /** A page of a service's audit entries, as it gave them. */
    void write(String part, String service, JsonNode entries) throws IOException {
        for (JsonNode entry : entries) {
            String[] row = new String[COLUMNS.size()];
            row[0] = part;
            row[1] = service;
            for (int i = 0; i < ENTRY_FIELDS.size(); i++) {
                JsonNode value = entry.path(ENTRY_FIELDS.get(i));
                row[i + 2] = value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
            }
            rows.write(row);
        }
        rows.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
