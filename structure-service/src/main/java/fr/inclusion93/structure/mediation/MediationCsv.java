package fr.inclusion93.structure.mediation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes CSV files of the national standard (RFC 4180, UTF-8, comma, header row). */
public final class MediationCsv {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private MediationCsv() {
    }

    /**
     * The data rows of a file, each value stripped; refuses (400) a file that is not CSV or whose header is not the
     * standard's (a column it does not know, a required one missing, one named twice), and (422) a row whose number of
     * values is not the header's.
     */
    public static List<MediationRow> read(InputStream body) {
        return read(body, StandardCharsets.UTF_8);
    }

    public static List<MediationRow> read(InputStream body, Charset charset) {
        try (Reader reader = new InputStreamReader(body, charset);
                MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(reader)) {
            if (!lines.hasNext()) {
                throw unreadable("the file is empty: a header row is expected");
            }
            List<String> header = header(lines.next());
            List<MediationRow> rows = new ArrayList<>();
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
                rows.add(new MediationRow(number, values));
            }
            if (!errors.isEmpty()) {
                throw MediationImport.invalidRows(errors);
            }
            return rows;
        } catch (RuntimeJsonMappingException e) {
            throw unreadable("the file is not readable CSV: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable("the file is not readable CSV: " + e.getMessage());
        }
    }

    private static List<String> header(String[] cells) {
        List<String> header = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        MediationSchema schema = MediationSchema.instance();
        for (String cell : cells) {
            String column = cell.replace("\uFEFF", "").strip();
            if (schema.field(column).isEmpty()) {
                errors.add(new FieldError("header", "column \"" + column + "\" is not one of the standard's (lieux de "
                        + "médiation numérique " + MediationSchema.VERSION + ")"));
            } else if (header.contains(column)) {
                errors.add(new FieldError("header", "column " + column + " appears twice"));
            }
            header.add(column);
        }
        schema.fields().stream().filter(MediationSchema.Field::required).map(MediationSchema.Field::name)
                .filter(column -> !header.contains(column))
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
