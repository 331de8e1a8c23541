package fr.inclusion93.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One service's database, read-only, for the checks no API exposes. The role and its password are the service's name. */
record Database(String url, String role) {

    /** The first two columns of every row of a query, as strings. */
    List<String[]> pairs(String sql) {
        return rows(sql, 2);
    }

    List<String> column(String sql) {
        return rows(sql, 1).stream().map(row -> row[0]).toList();
    }

    private List<String[]> rows(String sql, int width) {
        try (Connection connection = DriverManager.getConnection(url, role, role);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            while (result.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
