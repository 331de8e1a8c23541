package fr.inclusion93.funding.service;

import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.funding.rest.ProgrammeRequest;
import fr.inclusion93.funding.rest.ProgrammeResponse;
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
public class ProgrammeService {

    static final String PATH = "/api/funding/programmes";

    private final AuditLog audit;
    private final FundingMapper mapper;

    ProgrammeService(AuditLog audit, FundingMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public ProgrammeResponse create(ProgrammeRequest request) {
        if (Funder.findByIdOptional(request.funderId()).isEmpty()) {
            throw ProblemException.invalidFields(List.of(new FieldError("funderId", "no funder has this id")));
        }
        Records.requireFreeKey("programme", request.key(), Programme.find("key", request.key()).firstResultOptional(), PATH);
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.key = request.key();
        programme.name = request.name().strip();
        programme.funderId = request.funderId();
        programme.fund = request.fund() == null ? null : request.fund().strip();
        programme.amountPerPostCents = request.amountPerPostCents();
        programme.fundedMonths = request.fundedMonths();
        programme.createdAt = Records.now();
        Records.persistNew(programme, "programme");
        ProgrammeResponse created = mapper.toResponse(programme);
        audit.record("ProgrammeCreated", "programme", programme.id.toString(), null, created);
        return created;
    }

    public ProgrammeResponse get(UUID id) {
        return mapper.toResponse(find(id));
    }

    public PageResponse<ProgrammeResponse> list(UUID funderId, int page, int size) {
        var query = funderId == null ? Programme.<Programme>findAll(Sort.by("createdAt").and("id"))
                : Programme.<Programme>find("funderId = :funder", Sort.by("createdAt").and("id"),
                        Parameters.with("funder", funderId));
        return Records.page(query, page, size, mapper::toResponse);
    }

    static Programme find(UUID id) {
        return Programme.<Programme>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Programme", id));
    }
}
