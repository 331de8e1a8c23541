package fr.inclusion93.writes.tables;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * A CSV export the database formats itself ({@code COPY (query) TO STDOUT}): no row becomes a Java object, the query
 * may run on parallel workers, and the bytes go from the socket to the client as they come. Same CSV as
 * {@link StreamedTable#writeCsv} (RFC 4180, UTF-8, every value quoted, CRLF, a header row). The query names its
 * columns as the header does; a null is written as an empty value.
 */
public final class DatabaseCsv {

    private static final byte[] CRLF = {'\r', '\n'};

    private DatabaseCsv() {
    }

    public static void write(OutputStream response, List<String> columns, DataSource dataSource, String query) {
        OutputStream output = new BufferedOutputStream(response, 1 << 16);
        try (Connection connection = ExportTransaction.begin(dataSource)) {
            try {
                writeHeader(output, columns);
                copy(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOf(columns, query)), output);
                output.flush();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rows to export", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String copyOf(List<String> columns, String query) {
        String values = columns.stream().map(column -> "coalesce(r.\"" + column + "\"::text, '')")
                .collect(Collectors.joining(", "));
        return "COPY (SELECT " + values + " FROM (" + query + ") r) TO STDOUT (FORMAT csv, FORCE_QUOTE *)";
    }

    private static void writeHeader(OutputStream output, List<String> columns) throws IOException {
        Writer header = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        StreamedTable.writeCsvLine(header, columns);
        header.flush();
    }

    /** The server sends one row per message, ending with LF: written with CRLF instead, as RFC 4180 has it. */
    private static void copy(CopyOut copy, OutputStream output) throws SQLException, IOException {
        try {
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                output.write(row, 0, row.length - 1);
                output.write(CRLF);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // the client went away: the server stops instead of sending the rest
            }
        }
    }
}
