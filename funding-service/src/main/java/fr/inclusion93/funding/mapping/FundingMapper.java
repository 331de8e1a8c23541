package fr.inclusion93.funding.mapping;

import static fr.inclusion93.funding.service.Money.euros;

import fr.inclusion93.funding.rest.EnvelopeResponse;
import fr.inclusion93.funding.rest.FunderResponse;
import fr.inclusion93.funding.rest.LineResponse;
import fr.inclusion93.funding.rest.PaymentResponse;
import fr.inclusion93.funding.rest.ProgrammeResponse;
import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.funding.service.Envelope;
import fr.inclusion93.funding.service.Funder;
import fr.inclusion93.funding.service.FundingLine;
import fr.inclusion93.funding.service.LineStatus;
import fr.inclusion93.funding.service.Payment;
import fr.inclusion93.funding.service.Programme;
import fr.inclusion93.funding.service.TerritoryLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entities to API records; the figures (sums) are computed by the services and passed in. */
@ApplicationScoped
public class FundingMapper {

    public FunderResponse toResponse(Funder f) {
        return new FunderResponse(f.id, f.key, f.name, f.siret, f.createdAt);
    }

    public ProgrammeResponse toResponse(Programme p) {
        return new ProgrammeResponse(p.id, p.key, p.name, p.funderId, p.fund, p.amountPerPostCents,
                euros(p.amountPerPostCents), p.fundedMonths, p.createdAt);
    }

    public EnvelopeResponse toResponse(Envelope e, long committedCents, long paidCents) {
        Long remaining = e.ceilingCents == null ? null : e.ceilingCents - committedCents;
        return new EnvelopeResponse(e.id, e.key, e.programmeId, e.year, territory(e.territoryLevel, e.territoryCode),
                e.ceilingCents, euros(e.ceilingCents), committedCents, euros(committedCents), paidCents, euros(paidCents),
                remaining, euros(remaining), e.agreementId, e.createdAt);
    }

    public LineResponse toResponse(FundingLine l, List<FundingLine> subLines) {
        long committed = l.status.committed() ? l.amountCents : 0;
        long subLinesCents = subLines.stream()
                .filter(s -> s.status != LineStatus.CANCELLED && s.amountCents != null)
                .mapToLong(s -> s.amountCents).sum();
        return new LineResponse(l.id, l.key, l.envelopeId, l.parentId, l.beneficiaryId, l.beneficiaryDescription,
                l.object, l.amountCents, euros(l.amountCents), l.nature, l.decisionDate, l.decisionReference,
                l.conventionDate, l.conventionReference, l.paymentConditions, territory(l.territoryLevel, l.territoryCode),
                l.cofinancingShareBasisPoints, l.year, l.status.name(), committed, euros(committed), l.paidCents,
                euros(l.paidCents), committed - l.paidCents, euros(committed - l.paidCents), subLinesCents,
                euros(subLinesCents),
                subLines.stream().map(s -> new LineResponse.SubLine(s.id, s.key, s.object, s.amountCents,
                        euros(s.amountCents), s.status.name())).toList(),
                l.outputs.stream().map(o -> new LineResponse.OutputResponse(o.unit, o.description, o.target,
                        o.targetQualifier)).toList(),
                l.forecasts.entrySet().stream().map(f -> new LineResponse.Forecast(f.getKey(), f.getValue(),
                        euros(f.getValue()), true)).toList(),
                l.createdAt, l.updatedAt);
    }

    public PaymentResponse toResponse(Payment p) {
        return new PaymentResponse(p.id, p.lineId, p.kind.name(), p.amountCents, euros(p.amountCents), p.paidOn,
                p.reference, p.recordedAt);
    }

    private static TerritoryBody territory(TerritoryLevel level, String code) {
        return level == null ? null : new TerritoryBody(level, code);
    }
}
