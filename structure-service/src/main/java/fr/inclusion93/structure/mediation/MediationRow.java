package fr.inclusion93.structure.mediation;

import java.util.Map;

/** One data row of a file in the national standard: its number (the first after the header is 1) and its values by column. */
public record MediationRow(int number, Map<String, String> values) {

    /** The value of this column, stripped; empty when absent. */
    public String get(String column) {
        return values.getOrDefault(column, "");
    }

    public String field(String column) {
        return "row " + number + ": " + column;
    }
}
