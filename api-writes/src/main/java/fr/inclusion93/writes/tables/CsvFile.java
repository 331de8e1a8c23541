package fr.inclusion93.writes.tables;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An open-data standard's CSV file sent for import (RFC 4180, comma, header row), read whole and checked as a table. */
public final class CsvFile {

    /** At most this many errors are listed in a refusal. */
    public static final int MAX_ERRORS = 1000;

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** One data row: its number (1 is the first after the header) and its values by column, stripped. */
    public record Row(int number, Map<String, String> values) {

        /** The value of this column, stripped; empty when absent. */
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** What a file must look like: its standard's name and columns, and which ones it requires. */
    public record Standard(String name, List<String> columns, Collection<String> requiredColumns) {
    }

    private CsvFile() {
    }

    /**
     * The data rows; refuses (400) a file that is not CSV or whose header is not the standard's (a column it does not
     * know, a required one missing, one named twice), and (422) rows whose number of values is not the header's.
     */
    public static List<Row> read(InputStream body, Charset charset, Standard standard) {
        try (Reader reader = new InputStreamReader(body, charset);
                MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(reader)) {
            if (!lines.hasNext()) {
                throw unreadable("the file is empty: a header row is expected");
            }
            List<String> header = header(lines.next(), standard);
            List<Row> rows = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            while (lines.hasNext()) {
                String[] cells = lines.next();
                int number = rows.size() + errors.size() + 1;
                if (cells.length != header.size()) {
                    errors.add(new FieldError("row " + number, "has " + cells.length + " values where the header has "
                            + header.size() + " columns"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(header.get(i), cells[i].strip());
                }
                rows.add(new Row(number, values));
            }
            if (!errors.isEmpty()) {
                throw invalidRows(errors);
            }
            return rows;
        } catch (RuntimeJsonMappingException | IOException e) {
            throw unreadable("the file is not readable CSV: " + e.getMessage());
        }
    }

    /** The 422 that refuses a whole file, one error per row and column. */
    public static ProblemException invalidRows(List<FieldError> errors) {
        String detail = errors.size() + " error(s) in the file; nothing was imported"
                + (errors.size() > MAX_ERRORS ? " (the first " + MAX_ERRORS + " are listed)" : "");
        return new ProblemException(422, ProblemType.VALIDATION, "Invalid file", detail,
                errors.stream().limit(MAX_ERRORS).toList());
    }

    /** The charset the Content-Type names (a spreadsheet may save as windows-1252), else UTF-8 as the standards say. */
    public static Charset charsetOf(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidFields(List.of(new FieldError(HttpHeaders.CONTENT_TYPE,
                    "names a charset this service does not know: " + charset)));
        }
    }

    private static List<String> header(String[] cells, Standard standard) {
        List<String> header = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String cell : cells) {
            String column = cell.replace("\uFEFF", "").strip();
            if (!standard.columns().contains(column)) {
                errors.add(new FieldError("header", "column \"" + column + "\" is not one of the standard's ("
                        + standard.name() + ")"));
            } else if (header.contains(column)) {
                errors.add(new FieldError("header", "column " + column + " appears twice"));
            }
            header.add(column);
        }
        standard.requiredColumns().stream().filter(column -> !header.contains(column))
                .forEach(column -> errors.add(new FieldError("header", "required column " + column + " is missing")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return header;
    }

    private static ProblemException unreadable(String reason) {
        return ProblemException.invalidFields(List.of(new FieldError("body", reason)));
    }
}
