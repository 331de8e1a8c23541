package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.ForecastBody;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of a line request that concern the request alone (400, every field named); the rest need locks. */
final class LineRules {

    private LineRules() {
    }

    static void check(LineRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.parentId() == null && request.envelopeId() == null) {
            errors.add(new FieldError("envelopeId", "is required for a top-level line (one without parentId)"));
        }
        if ("COMMITTED".equals(request.status()) && request.amountCents() == null) {
            errors.add(new FieldError("amountCents", "is required to commit a line"));
        }
        if (request.beneficiaryId() != null && Beneficiary.findByIdOptional(request.beneficiaryId()).isEmpty()) {
            errors.add(new FieldError("beneficiaryId", "no beneficiary has this id"));
        }
        checkForecasts(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void checkForecasts(LineRequest request, List<FieldError> errors) {
        List<ForecastBody> forecasts = request.forecasts() == null ? List.of() : request.forecasts();
        if (!forecasts.isEmpty() && request.year() == null) {
            errors.add(new FieldError("year", "is required with forecasts: they are for the years after it"));
            return;
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < forecasts.size(); i++) {
            ForecastBody forecast = forecasts.get(i);
            if (forecast.year() <= request.year()) {
                errors.add(new FieldError("forecasts[" + i + "].year", "must be after the line's year " + request.year()));
            }
            if (!years.add(forecast.year())) {
                errors.add(new FieldError("forecasts[" + i + "].year", "appears twice"));
            }
        }
    }
}
