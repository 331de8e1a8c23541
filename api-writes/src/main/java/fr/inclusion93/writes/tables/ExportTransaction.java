package fr.inclusion93.writes.tables;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The read-only transaction an export reads in (its caller rolls it back at the end). */
final class ExportTransaction {

    /** An export reads every row: its joins' hash tables are kept in memory rather than spilled to disk. */
    private static final String WORK_MEM = "64MB";

    private ExportTransaction() {
    }

    /** A connection in a read-only transaction (PostgreSQL's driver uses a cursor only inside one), work_mem raised. */
    static Connection begin(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
