package fr.inclusion93.conseiller.service;

import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import fr.inclusion93.writes.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail of the posts (opening, moves, funding-service's answers, flags, activity), and of the agreements and
 * contracts over a period. The people's own changes (personal data) are not part of it.
 */
@ApplicationScoped
public class PostHistory {

    private final AuditTrail trail;

    PostHistory(AuditTrail trail) {
        this.trail = trail;
    }

    /** The record types a period's history covers, as the query parameter names them. */
    public static final Map<String, String> KINDS = Map.of("post", PostService.RECORD_TYPE,
            "agreement", AgreementService.RECORD_TYPE, "contract", ContractService.RECORD_TYPE);

    /** Every change of records of one kind (a key of {@link #KINDS}) in a period, oldest first. */
    public AuditPage during(String kind, AuditQuery query) {
        return trail.during(KINDS.get(kind), query);
    }

    public AuditPage of(UUID id, AuditQuery query) {
        AuditPage page = trail.ofRecord(PostService.RECORD_TYPE, id.toString(), query);
        if (page.items().isEmpty() && Post.findById(id) == null) {
            throw ProblemException.notFound("Post", id);
        }
        return page;
    }
}
