package fr.inclusion93.structure.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The orders a search can list structures in, each with the structure's id as tie-breaker so that every row has a
 * place of its own: what keyset pagination needs. {@code -name} is {@code name} descending.
 */
public enum SearchSort {

    REGISTERED_AT("registeredAt", "s.registered_at", "timestamptz", SearchSort::isInstant),
    NAME("name", "s.name_search", "text", key -> key.length() <= 1_000 && key.indexOf(0) < 0),
    COMMUNE("commune", "s.commune_insee", "text", key -> Pattern.matches("[0-9AB]{5}", key)),
    REGISTERED_AT_DESC(REGISTERED_AT),
    NAME_DESC(NAME),
    COMMUNE_DESC(COMMUNE);

    /** What a search without {@code sort} uses: the registration time never changes, so pages never shift. */
    public static final SearchSort DEFAULT = REGISTERED_AT;

    private final String parameter;
    private final String column;
    private final String sqlType;
    private final boolean descending;
    private final Predicate<String> validKey;

    SearchSort(String parameter, String column, String sqlType, Predicate<String> validKey) {
        this.parameter = parameter;
        this.column = column;
        this.sqlType = sqlType;
        this.descending = false;
        this.validKey = validKey;
    }

    SearchSort(SearchSort ascending) {
        this.parameter = "-" + ascending.parameter;
        this.column = ascending.column;
        this.sqlType = ascending.sqlType;
        this.descending = true;
        this.validKey = ascending.validKey;
    }

    public static Optional<SearchSort> of(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }

    /** The values of the {@code sort} parameter, for error messages and the contract. */
    public static String parameters() {
        return Arrays.stream(values()).map(SearchSort::parameter).collect(Collectors.joining(", "));
    }

    public String parameter() {
        return parameter;
    }

    /** Whether {@code key} could be the sort key of a row (a cursor's key comes from the client). */
    boolean isValidKey(String key) {
        return validKey.test(key);
    }

    /** The sort key of a row, as SQL. */
    String column() {
        return column;
    }

    /** The sort key as text, for a cursor: instants in ISO-8601 UTC to the microsecond, as stored. */
    String keyAsText() {
        return "timestamptz".equals(sqlType)
                ? "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                : column;
    }

    /** A cursor's key, back to the column's type. */
    String keyParameter(String name) {
        return "CAST(:" + name + " AS " + sqlType + ")";
    }

    /** Rows after a cursor, in this order. */
    String after() {
        return descending ? "<" : ">";
    }

    String direction() {
        return descending ? "DESC" : "ASC";
    }

    private static boolean isInstant(String key) {
        try {
            Instant.parse(key);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
