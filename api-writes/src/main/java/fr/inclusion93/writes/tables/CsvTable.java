package fr.inclusion93.writes.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import java.util.Map;

/** The reports' CSV: RFC 4180, UTF-8, comma, a header row of the given columns; a null cell is empty. */
public final class CsvTable {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvTable() {
    }

    public static String write(List<String> columns, List<Map<String, String>> rows) {
        CsvSchema schema = columns.stream().reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a)
                .build().withHeader();
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report cannot be written as CSV", e);
        }
    }
}
