package fr.inclusion93.conseiller.service;

import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import fr.inclusion93.writes.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The audit trail of the posts: opening, moves, funding-service's answers, flags. */
@ApplicationScoped
public class PostHistory {

    private final AuditTrail trail;

    PostHistory(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditPage of(UUID id, AuditQuery query) {
        AuditPage page = trail.ofRecord(PostService.RECORD_TYPE, id.toString(), query);
        if (page.items().isEmpty() && Post.findById(id) == null) {
            throw ProblemException.notFound("Post", id);
        }
        return page;
    }
}
