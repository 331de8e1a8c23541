package fr.inclusion93.structure.service;

import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.structure.event.StructureEventType;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import fr.inclusion93.writes.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The audit trail of the structures, for auditors. */
@ApplicationScoped
public class StructureHistory {

    static final String RECORD_TYPE = StructureEventType.AGGREGATE_TYPE;

    private final AuditTrail trail;

    StructureHistory(AuditTrail trail) {
        this.trail = trail;
    }

    /** One structure's changes, oldest first; 404 for an id that has neither a structure nor a trail. */
    public AuditPage of(UUID id, AuditQuery query) {
        AuditPage page = trail.ofRecord(RECORD_TYPE, id.toString(), query);
        if (page.items().isEmpty() && Structure.findById(id) == null) {
            throw ProblemException.notFound("Structure", id);
        }
        return page;
    }

    /** Every change of a structure in the query's period, oldest first. */
    public AuditPage during(AuditQuery query) {
        return trail.during(RECORD_TYPE, query);
    }
}
