package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.rest.AgreementRequest;
import fr.inclusion93.conseiller.rest.AgreementResponse;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/** The agreements: created by an operator, read with how many of their posts (and of each quota) are open. */
@ApplicationScoped
public class AgreementService {

    static final String RECORD_TYPE = "agreement";

    private final AuditLog audit;

    AgreementService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public AgreementResponse create(AgreementRequest request) {
        List<FieldError> errors = new ArrayList<>();
        int quotaSum = 0;
        Set<String> territories = new HashSet<>();
        for (int i = 0; i < request.quotas().size(); i++) {
            AgreementRequest.QuotaBody quota = request.quotas().get(i);
            quotaSum += quota.posts();
            if (!territories.add(quota.level() + ":" + quota.code())) {
                errors.add(new FieldError("quotas[" + i + "]", "a second quota for " + quota.level() + " " + quota.code()));
            }
        }
        for (int i = 0; i < request.signatories().size(); i++) {
            AgreementRequest.SignatoryBody signatory = request.signatories().get(i);
            boolean territorial = signatory.kind() == Agreement.SignatoryKind.EPT
                    || signatory.kind() == Agreement.SignatoryKind.COMMUNE;
            String code = signatory.territoryCode();
            if (territorial && code == null) {
                errors.add(new FieldError("signatories[" + i + "].territoryCode", "is required for a signatory of kind "
                        + signatory.kind() + " (" + (signatory.kind() == Agreement.SignatoryKind.EPT ? "its SIREN" : "its INSEE code") + ")"));
            } else if (!territorial && code != null) {
                errors.add(new FieldError("signatories[" + i + "].territoryCode", "is only for a signatory of kind EPT or "
                        + "COMMUNE: a " + signatory.kind() + " signs for the whole agreement"));
            } else if (code != null && (signatory.kind() == Agreement.SignatoryKind.EPT) != (code.length() == 9)) {
                errors.add(new FieldError("signatories[" + i + "].territoryCode", signatory.kind() == Agreement.SignatoryKind.EPT
                        ? "is an EPT's SIREN (9 digits)" : "is a commune's INSEE code (5 characters)"));
            }
        }
        if (quotaSum > request.totalPosts()) {
            errors.add(new FieldError("quotas", "sum to " + quotaSum + " posts, above the agreement's " + request.totalPosts()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (request.key() != null && Agreement.count("key", request.key()) > 0) {
            throw ProblemException.conflict(PostProblems.DUPLICATE_KEY, "Duplicate key", "key",
                    "an agreement already has key " + request.key());
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.key = request.key();
        agreement.name = request.name().strip();
        agreement.signedOn = request.signedOn();
        agreement.departementCode = request.departementCode();
        agreement.totalPosts = request.totalPosts();
        agreement.stateFundedMonths = request.stateFundedMonths();
        request.signatories().forEach(s -> {
            Agreement.Signatory signatory = new Agreement.Signatory();
            signatory.name = s.name().strip();
            signatory.kind = s.kind();
            signatory.territoryCode = s.territoryCode();
            agreement.signatories.add(signatory);
        });
        request.quotas().forEach(q -> {
            Agreement.Quota quota = new Agreement.Quota();
            quota.level = q.level();
            quota.code = q.code();
            quota.posts = q.posts();
            agreement.quotas.add(quota);
        });
        agreement.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            agreement.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict(PostProblems.DUPLICATE_KEY, "Duplicate key", "key",
                    "another agreement took key " + request.key() + " at the same time");
        }
        AgreementResponse created = toResponse(agreement);
        audit.record("AgreementCreated", RECORD_TYPE, agreement.id.toString(), null, created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementResponse get(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("Agreement", id);
        }
        return toResponse(agreement);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgreementResponse> list() {
        return Agreement.<Agreement>listAll().stream()
                .sorted((a, b) -> a.signedOn.equals(b.signedOn) ? a.id.compareTo(b.id) : a.signedOn.compareTo(b.signedOn))
                .map(this::toResponse).toList();
    }

    AgreementResponse toResponse(Agreement agreement) {
        Map<String, Long> openByTerritory = openPosts(agreement.id);
        long open = openByTerritory.values().stream().mapToLong(Long::longValue).sum();
        return new AgreementResponse(agreement.id, agreement.key, agreement.name, agreement.signedOn,
                agreement.departementCode, agreement.totalPosts, agreement.stateFundedMonths, open,
                agreement.signatories.stream().map(s -> new AgreementRequest.SignatoryBody(s.name, s.kind, s.territoryCode))
                        .toList(),
                agreement.quotas.stream().map(q -> new AgreementResponse.QuotaUse(q.level, q.code, q.posts,
                        openIn(q, openByTerritory))).toList());
    }

    /** Open posts per commune ("COMMUNE:code") and per EPT ("EPT:siren"), each post counted once in each. */
    private static Map<String, Long> openPosts(UUID agreementId) {
        List<Object[]> rows = Panache.getEntityManager().createQuery(
                "select p.communeInsee, p.eptSiren, count(p) from Post p where p.agreementId = ?1 and p.state <> ?2 "
                        + "group by p.communeInsee, p.eptSiren", Object[].class)
                .setParameter(1, agreementId).setParameter(2, PostState.RETURNED).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> r[0] + "|" + r[1], r -> (Long) r[2]));
    }

    private static long openIn(Agreement.Quota quota, Map<String, Long> openByPlace) {
        return openByPlace.entrySet().stream().filter(e -> {
            String[] place = e.getKey().split("\\|", -1);
            return quota.level == Agreement.QuotaLevel.COMMUNE ? quota.code.equals(place[0]) : quota.code.equals(place[1]);
        }).mapToLong(Map.Entry::getValue).sum();
    }
}
