package fr.inclusion93.funding.rest;

import static fr.inclusion93.problem.QueryParameterChecks.absent;

import fr.inclusion93.funding.report.Allocations;
import fr.inclusion93.funding.report.BreakdownDimension;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.QueryParameterChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The breakdown's query parameters, each bad one named in the 400. */
final class BreakdownParameters {

    static final List<String> SCOPE = List.of("by", "programmeId", "envelopeId", "year");
    static final String BY_VALUES = Arrays.stream(BreakdownDimension.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private BreakdownParameters() {
    }

    static BreakdownDimension by(String text, List<FieldError> errors) {
        if (absent(text)) {
            errors.add(new FieldError("by", "is required: one of " + BY_VALUES));
            return null;
        }
        try {
            return BreakdownDimension.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("by", "must be one of " + BY_VALUES));
            return null;
        }
    }

    static Allocations.Scope scope(String programmeId, String envelopeId, String year, List<FieldError> errors) {
        return new Allocations.Scope(QueryParameterChecks.uuid("programmeId", programmeId, errors), QueryParameterChecks.uuid("envelopeId", envelopeId, errors),
                year(year, errors));
    }

    private static Integer year(String text, List<FieldError> errors) {
        if (absent(text)) {
            return null;
        }
        if (text.strip().matches("\\d{4}")) {
            int year = Integer.parseInt(text.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        }
        errors.add(new FieldError("year", "must be a year from 2000 to 2100"));
        return null;
    }
}
