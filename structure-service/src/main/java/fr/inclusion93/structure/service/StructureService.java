package fr.inclusion93.structure.service;

import fr.inclusion93.events.Outbox;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.security.Caller;
import fr.inclusion93.structure.event.StructureRegistered;
import fr.inclusion93.structure.mapping.StructureMapper;
import fr.inclusion93.structure.reference.Commune;
import fr.inclusion93.structure.reference.Communes;
import fr.inclusion93.structure.rest.RegisterStructureRequest;
import fr.inclusion93.structure.rest.StructurePage;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class StructureService {

    static final URI DUPLICATE_SIRET = ProblemType.of("duplicate-siret");
    private static final String ACTIVE_SIRET_INDEX = "structure_active_siret";

    private final Outbox outbox;
    private final AuditLog audit;
    private final StructureMapper mapper;
    private final Communes communes;
    private final Caller caller;

    StructureService(Outbox outbox, AuditLog audit, StructureMapper mapper, Communes communes, Caller caller) {
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
        this.communes = communes;
        this.caller = caller;
    }

    /**
     * Registers a structure, records it in the audit trail and announces it, in one transaction; a SIRET held by an
     * active structure is refused.
     */
    @Transactional
    public StructureResponse register(RegisterStructureRequest request) {
        communes.byInseeCode(request.communeInsee()).map(Commune::territory).ifPresent(caller::requireWriteAccessTo);
        if (Structure.activeExistsWithSiret(request.siret())) {
            throw duplicateSiret(request.siret());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        Structure structure = new Structure();
        structure.id = UUID.randomUUID();
        structure.name = request.name().strip();
        structure.siret = request.siret();
        structure.communeInsee = request.communeInsee();
        structure.status = Structure.Status.ACTIVE;
        structure.registeredAt = now;
        structure.updatedAt = now;
        try {
            structure.persistAndFlush();
        } catch (ConstraintViolationException e) {
            if (ACTIVE_SIRET_INDEX.equals(e.getConstraintName())) {
                throw duplicateSiret(request.siret()); // a concurrent registration won the race
            }
            throw e;
        }
        audit.record(StructureRegistered.TYPE, StructureRegistered.AGGREGATE_TYPE, structure.id.toString(), null,
                StructureState.of(structure));
        outbox.publish(StructureRegistered.TOPIC, StructureRegistered.AGGREGATE_TYPE, structure.id.toString(),
                StructureRegistered.TYPE, StructureRegistered.VERSION,
                new StructureRegistered(structure.id, structure.name, structure.siret, structure.communeInsee));
        return mapper.toResponse(structure);
    }

    public StructureResponse get(UUID id) {
        return Structure.<Structure>findByIdOptional(id)
                .map(mapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Structure", id));
    }

    public StructurePage list(int page, int size) {
        var query = Structure.<Structure>findAll(Sort.by("registeredAt").and("id")).page(Page.of(page, size));
        return new StructurePage(query.list().stream().map(mapper::toResponse).toList(), page, size, query.count());
    }

    private static ProblemException duplicateSiret(String siret) {
        return ProblemException.conflict(DUPLICATE_SIRET, "Duplicate SIRET", "siret",
                "an active structure with SIRET " + siret + " is already registered");
    }
}
