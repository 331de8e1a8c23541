package fr.inclusion93.funding.service;

import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.FunderRequest;
import fr.inclusion93.funding.rest.FunderResponse;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class FunderService {

    static final String PATH = "/api/funding/funders";

    private final AuditLog audit;
    private final FundingMapper mapper;

    FunderService(AuditLog audit, FundingMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public FunderResponse create(FunderRequest request) {
        Records.requireFreeKey("funder", request.key(), Funder.find("key", request.key()).firstResultOptional(), PATH);
        Funder funder = new Funder();
        funder.id = UUID.randomUUID();
        funder.key = request.key();
        funder.name = request.name().strip();
        funder.siret = request.siret();
        funder.createdAt = Records.now();
        Records.persistNew(funder, "funder");
        FunderResponse created = mapper.toResponse(funder);
        audit.record("FunderCreated", "funder", funder.id.toString(), null, created);
        return created;
    }

    public FunderResponse get(UUID id) {
        return mapper.toResponse(find(id));
    }

    public PageResponse<FunderResponse> list(int page, int size) {
        return Records.page(Funder.<Funder>findAll(Sort.by("createdAt").and("id")), page, size, mapper::toResponse);
    }

    static Funder find(UUID id) {
        return Funder.<Funder>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Funder", id));
    }
}
