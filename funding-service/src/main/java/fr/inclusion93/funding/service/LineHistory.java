package fr.inclusion93.funding.service;

import fr.inclusion93.funding.event.FundingEvents;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import fr.inclusion93.writes.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The audit trail of the funding lines: creation, commitment, payments and credit notes, cancellation, closing. */
@ApplicationScoped
public class LineHistory {

    private final AuditTrail trail;

    LineHistory(AuditTrail trail) {
        this.trail = trail;
    }

    /** One line's changes, oldest first; 404 for an id that has neither a line nor a trail. */
    public AuditPage of(UUID id, AuditQuery query) {
        AuditPage page = trail.ofRecord(FundingEvents.LINE, id.toString(), query);
        if (page.items().isEmpty() && FundingLine.findById(id) == null) {
            throw ProblemException.notFound("Funding line", id);
        }
        return page;
    }

    /** Every change of a funding line in the query's period, oldest first. */
    public AuditPage during(AuditQuery query) {
        return trail.during(FundingEvents.LINE, query);
    }
}
