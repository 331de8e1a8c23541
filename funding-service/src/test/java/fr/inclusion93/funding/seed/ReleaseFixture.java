package fr.inclusion93.funding.seed;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The release as the file says it (read here as a plain JSON tree, not through the loader's records), the load
 * endpoint, and the SQL the tests check the database with.
 */
public final class ReleaseFixture {

    public static final String SEED = "release-2021-01-15";
    public static final String LOAD = "/admin/funding/seeds/" + SEED;
    public static final String REFUSED_SUB_LINE = "2020-cartographie-hub-francilin";

    private ReleaseFixture() {
    }

    public static JsonNode file() {
        try (InputStream in = ReleaseFixture.class.getResourceAsStream("/seed/" + SEED + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the release as the admin (idempotent: every test may start with it) and answers the report. */
    public static JsonPath load() {
        return asAdmin().post(LOAD).then().statusCode(200).extract().jsonPath();
    }

    public static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>();
        array.forEach(entry -> keys.add(entry.get("key").asText()));
        return keys;
    }

    public static long count(DataSource dataSource, String sql) {
        return Long.parseLong(single(dataSource, sql));
    }

    /** The first column of the one row {@code sql} answers (fails when it answers none). */
    public static String single(DataSource dataSource, String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String quoted(List<String> keys) {
        return String.join(",", keys.stream().map(k -> "'" + k.replace("'", "''") + "'").toList());
    }
}
