package fr.inclusion93.funding.service;

import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.EnvelopeRequest;
import fr.inclusion93.funding.rest.EnvelopeResponse;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnvelopeService {

    static final String PATH = "/api/funding/envelopes";

    private final AuditLog audit;
    private final FundingMapper mapper;
    private final Territories territories;

    EnvelopeService(AuditLog audit, FundingMapper mapper, Territories territories) {
        this.audit = audit;
        this.mapper = mapper;
        this.territories = territories;
    }

    @Transactional
    public EnvelopeResponse create(EnvelopeRequest request) {
        territories.requireWriteAccess(request.territory()); // first: a stranger learns nothing about what exists
        if (Programme.findByIdOptional(request.programmeId()).isEmpty()) {
            throw ProblemException.invalidFields(List.of(new FieldError("programmeId", "no programme has this id")));
        }
        Records.requireFreeKey("envelope", request.key(), Envelope.find("key", request.key()).firstResultOptional(), PATH);
        if (request.agreementId() != null) {
            Envelope.<Envelope>find("agreementId", request.agreementId()).firstResultOptional().ifPresent(other -> {
                throw ProblemException.conflict(FundingProblems.DUPLICATE_KEY, "Agreement already funded", "agreementId",
                        "envelope " + other.id + " already funds agreement " + request.agreementId());
            });
        }
        Envelope envelope = new Envelope();
        envelope.id = UUID.randomUUID();
        envelope.key = request.key();
        envelope.programmeId = request.programmeId();
        envelope.year = request.year();
        envelope.territoryLevel = request.territory().level();
        envelope.territoryCode = request.territory().code();
        envelope.ceilingCents = request.ceilingCents();
        envelope.agreementId = request.agreementId();
        envelope.createdAt = Records.now();
        Records.persistNew(envelope, "envelope");
        EnvelopeResponse created = toResponse(envelope);
        audit.record("EnvelopeCreated", "envelope", envelope.id.toString(), null, created);
        return created;
    }

    public EnvelopeResponse get(UUID id) {
        return toResponse(find(id));
    }

    public PageResponse<EnvelopeResponse> list(UUID programmeId, int page, int size) {
        var query = programmeId == null ? Envelope.<Envelope>findAll(Sort.by("createdAt").and("id"))
                : Envelope.<Envelope>find("programmeId = :programme", Sort.by("createdAt").and("id"),
                        Parameters.with("programme", programmeId));
        return Records.page(query, page, size, this::toResponse);
    }

    private EnvelopeResponse toResponse(Envelope envelope) {
        return mapper.toResponse(envelope, Figures.committedInEnvelope(envelope.id), Figures.paidInEnvelope(envelope.id));
    }

    static Envelope find(UUID id) {
        return Envelope.<Envelope>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Envelope", id));
    }
}
