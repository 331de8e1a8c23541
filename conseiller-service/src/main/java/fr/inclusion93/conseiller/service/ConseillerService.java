package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.rest.ConseillerRequest;
import fr.inclusion93.conseiller.rest.ConseillerResponse;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The people who hold posts. Their name and e-mail stay in this table alone: events, contracts, the audit trail and
 * every report carry the id only, so that erasing them on request keeps all history, pseudonymised.
 */
@ApplicationScoped
public class ConseillerService {

    static final String RECORD_TYPE = "conseiller";

    private final AuditLog audit;

    ConseillerService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public ConseillerResponse register(ConseillerRequest request) {
        Conseiller person = new Conseiller();
        person.id = UUID.randomUUID();
        person.name = request.name().strip();
        person.email = request.email().strip().toLowerCase(Locale.ROOT);
        person.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        person.persist();
        audit.record("ConseillerRegistered", RECORD_TYPE, person.id.toString(), null, Map.of("id", person.id));
        return ConseillerResponse.of(person);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConseillerResponse get(UUID id) {
        return ConseillerResponse.of(found(Conseiller.findById(id), id));
    }

    /** Erases the name and e-mail for good; the person's id, contracts and history stay. Erasing twice changes nothing. */
    @Transactional
    public ConseillerResponse erase(UUID id) {
        Conseiller person = found(Panache.getEntityManager().find(Conseiller.class, id, LockModeType.PESSIMISTIC_WRITE), id);
        if (person.erasedOn == null) {
            person.name = null;
            person.email = null;
            person.erasedOn = LocalDate.now();
            audit.record("ConseillerErased", RECORD_TYPE, person.id.toString(), null, Map.of("id", person.id,
                    "erasedOn", person.erasedOn.toString()));
        }
        return ConseillerResponse.of(person);
    }

    private static Conseiller found(Conseiller person, UUID id) {
        if (person == null) {
            throw ProblemException.notFound("Conseiller", id);
        }
        return person;
    }
}
