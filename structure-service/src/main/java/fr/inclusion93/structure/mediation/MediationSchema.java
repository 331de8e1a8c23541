package fr.inclusion93.structure.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Table Schema of the national standard of lieux de médiation numérique (1.0.2, the official file, unchanged):
 * its columns in order, and the checks it puts on each value (required, pattern, maximum length, number, ISO date).
 */
public final class MediationSchema {

    public static final String VERSION = "1.0.2";
    static final String RESOURCE = "/mediation/schema-1.0.2.json";
    private static final MediationSchema INSTANCE = load();

    /** One column and its constraints. */
    public record Field(String name, String type, boolean required, Optional<Pattern> pattern, Optional<Integer> maxLength) {

        /** Why this value breaks the column's constraints, if it does; an empty value is a missing one. */
        Optional<String> check(String value) {
            if (value.isEmpty()) {
                return required ? Optional.of("is required") : Optional.empty();
            }
            if (maxLength.isPresent() && value.codePointCount(0, value.length()) > maxLength.get()) {
                return Optional.of("is longer than " + maxLength.get() + " characters");
            }
            if (pattern.isPresent() && !pattern.get().matcher(value).matches()) {
                return Optional.of("does not match the standard's pattern " + pattern.get().pattern());
            }
            return switch (type) {
                case "number" -> isNumber(value) ? Optional.empty() : Optional.of("is not a number");
                case "date" -> isDate(value) ? Optional.empty() : Optional.of("is not a date (YYYY-MM-DD)");
                default -> Optional.empty();
            };
        }
    }

    private final List<Field> fields;

    private MediationSchema(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static MediationSchema instance() {
        return INSTANCE;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> columns() {
        return fields.stream().map(Field::name).toList();
    }

    public Optional<Field> field(String column) {
        return fields.stream().filter(field -> field.name().equals(column)).findFirst();
    }

    private static MediationSchema load() {
        try (InputStream json = MediationSchema.class.getResourceAsStream(RESOURCE)) {
            List<Field> fields = new ArrayList<>();
            for (JsonNode field : new ObjectMapper().readTree(json).get("fields")) {
                JsonNode constraints = field.path("constraints");
                fields.add(new Field(field.get("name").asText(), field.path("type").asText("string"),
                        constraints.path("required").asBoolean(false),
                        Optional.ofNullable(constraints.get("pattern")).map(JsonNode::asText).map(Pattern::compile),
                        Optional.ofNullable(constraints.get("maxLength")).map(JsonNode::asInt)));
            }
            return new MediationSchema(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
