package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.ForecastBody;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.OutputBody;
import fr.inclusion93.funding.rest.TerritoryBody;
import java.util.List;

/**
 * What describes a line without moving money or changing where it counts: beneficiary, object, nature, decision and
 * convention, payment conditions, co-financing share, outputs and forecasts. Set at creation, corrected by a PATCH.
 */
final class LineDetails {

    private LineDetails() {
    }

    static void apply(FundingLine line, LineRequest request) {
        line.beneficiaryId = request.beneficiaryId();
        line.beneficiaryDescription = strip(request.beneficiaryDescription());
        line.object = request.object().strip();
        line.nature = request.nature();
        line.decisionDate = request.decisionDate();
        line.decisionReference = strip(request.decisionReference());
        line.conventionDate = request.conventionDate();
        line.conventionReference = strip(request.conventionReference());
        line.paymentConditions = request.paymentConditions();
        line.cofinancingShareBasisPoints = request.cofinancingShareBasisPoints();
        line.outputs.clear();
        for (OutputBody body : request.outputs() == null ? List.<OutputBody>of() : request.outputs()) {
            LineOutput output = new LineOutput();
            output.unit = body.unit().strip();
            output.description = strip(body.description());
            output.target = body.target();
            output.targetQualifier = body.targetQualifier() == null ? null : body.targetQualifier().name();
            line.outputs.add(output);
        }
        line.forecasts.clear();
        if (request.forecasts() != null) {
            request.forecasts().forEach(f -> line.forecasts.put(f.year(), f.amountCents()));
        }
    }

    /** The line as the request that would create it as it now is (status aside: a PATCH does not move it). */
    static LineRequest asRequest(FundingLine line) {
        return new LineRequest(line.key, line.envelopeId, line.parentId, line.beneficiaryId, line.beneficiaryDescription,
                line.object, line.amountCents, line.nature, line.decisionDate, line.decisionReference, line.conventionDate,
                line.conventionReference, line.paymentConditions,
                line.territoryLevel == null ? null : new TerritoryBody(line.territoryLevel, line.territoryCode),
                line.cofinancingShareBasisPoints, line.year,
                line.outputs.stream().map(o -> new OutputBody(o.unit, o.description, o.target,
                        o.targetQualifier == null ? null : LineOutput.Qualifier.valueOf(o.targetQualifier))).toList(),
                line.forecasts.entrySet().stream().map(f -> new ForecastBody(f.getKey(), f.getValue())).toList(),
                null);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
