package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.BeneficiaryResponse;
import fr.inclusion93.funding.rest.OutsideBeneficiaryRequest;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The beneficiaries: host structures (projected, read-only here) and outside organisations (created here). */
@ApplicationScoped
public class BeneficiaryService {

    static final String PATH = "/api/funding/beneficiaries";

    private final AuditLog audit;
    private final Communes communes;

    BeneficiaryService(AuditLog audit, Communes communes) {
        this.audit = audit;
        this.communes = communes;
    }

    @Transactional
    public BeneficiaryResponse createOutsideOrganisation(OutsideBeneficiaryRequest request) {
        Commune commune = request.communeInsee() == null ? null : communes.byInseeCode(request.communeInsee())
                .orElseThrow(() -> ProblemException.invalidFields(List.of(new FieldError("communeInsee", "unknown commune"))));
        Records.requireFreeKey("beneficiary", request.key(), Beneficiary.find("key", request.key()).firstResultOptional(), PATH);
        requireFreeIdentifier("siret", request.siret());
        requireFreeIdentifier("rna", request.rna());
        Beneficiary b = new Beneficiary();
        b.id = UUID.randomUUID();
        b.kind = Beneficiary.Kind.OUTSIDE_ORGANISATION;
        b.key = request.key();
        b.name = request.name().strip();
        b.siret = request.siret();
        b.rna = request.rna();
        b.legalKind = request.legalKind();
        b.communeInsee = request.communeInsee();
        b.eptSiren = commune == null ? null : commune.eptSiren();
        b.eptName = commune == null ? null : commune.ept();
        b.status = Beneficiary.Status.ACTIVE;
        b.createdAt = Records.now();
        Records.persistNew(b, "beneficiary");
        BeneficiaryResponse created = toResponse(b);
        audit.record("BeneficiaryCreated", "beneficiary", b.id.toString(), null, created);
        return created;
    }

    public BeneficiaryResponse get(UUID id) {
        return Beneficiary.<Beneficiary>findByIdOptional(id)
                .map(BeneficiaryService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Beneficiary", id));
    }

    public PageResponse<BeneficiaryResponse> list(Beneficiary.Kind kind, int page, int size) {
        var query = kind == null ? Beneficiary.<Beneficiary>findAll(Sort.by("name").and("id"))
                : Beneficiary.<Beneficiary>find("kind = :kind", Sort.by("name").and("id"), Parameters.with("kind", kind));
        return Records.page(query, page, size, BeneficiaryService::toResponse);
    }

    private static void requireFreeIdentifier(String field, String value) {
        if (value == null) {
            return;
        }
        Beneficiary.<Beneficiary>find("kind = ?1 and " + field + " = ?2", Beneficiary.Kind.OUTSIDE_ORGANISATION, value)
                .firstResultOptional().ifPresent(existing -> {
                    throw ProblemException.conflict(FundingProblems.DUPLICATE_IDENTIFIER, "Duplicate identifier", field,
                            "an outside organisation already has " + field + " " + value)
                            .withExisting(URI.create(PATH + "/" + existing.id));
                });
    }

    private static BeneficiaryResponse toResponse(Beneficiary b) {
        return new BeneficiaryResponse(b.id, b.kind.name(), b.key, b.name, b.siret, b.rna, b.parentId, b.legalKind,
                b.type, b.communeInsee, b.postalCode, b.eptSiren, b.eptName, b.qpv, b.qpvCode, b.status.name(), b.closedOn,
                b.closeReason, b.projectedAt, b.createdAt);
    }
}
