package fr.inclusion93.writes.tables;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * An open-data export written as it is read: rows come through a database cursor and leave as CSV (RFC 4180, UTF-8,
 * every value quoted, a header row) or as a JSON array of objects, so memory does not grow with the row count.
 */
public final class StreamedTable {

    /** Reads one row of the cursor as the standard's columns (a null or empty value is absent); null leaves it out. */
    @FunctionalInterface
    public interface RowReader {
        Map<String, String> read(ResultSet row) throws SQLException;
    }


    private StreamedTable() {
    }

    public static void writeCsv(OutputStream output, List<String> columns, DataSource dataSource, String query,
            RowReader reader) {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
        writeCsvLine(out, columns);
        eachRow(dataSource, query, reader, row -> writeCsvLine(out, columns.stream().map(row::get).toList()));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code numeric} columns are written as JSON numbers, the rest as strings. */
    public static void writeJson(OutputStream output, ObjectMapper json, List<String> numeric, DataSource dataSource,
            String query, RowReader reader) {
        try (JsonGenerator out = json.getFactory().createGenerator(output)) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.writeStartArray();
            eachRow(dataSource, query, reader, row -> writeObject(out, row, numeric));
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one CSV line, every value quoted (as the standards' examples do); null is empty. */
    public static void writeCsvLine(Writer out, List<String> values) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values.get(i);
            line.append('"');
            if (value != null) {
                line.append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
            }
            line.append('"');
        }
        line.append("\r\n");
        try {
            out.write(line.toString()); // one call per line: a Writer locks on each
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(JsonGenerator out, Map<String, String> row, List<String> numeric) {
        try {
            out.writeStartObject();
            for (Map.Entry<String, String> value : row.entrySet()) {
                if (value.getValue() == null || value.getValue().isEmpty()) {
                    continue;
                }
                out.writeFieldName(value.getKey());
                if (numeric.contains(value.getKey())) {
                    out.writeNumber(value.getValue());
                } else {
                    out.writeString(value.getValue());
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void eachRow(DataSource dataSource, String query, RowReader reader, Consumer<Map<String, String>> writer) {
        ReadAhead.eachRow(dataSource, query, reader, writer);
    }
}
