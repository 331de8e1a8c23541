package fr.inclusion93.structure.service;

import fr.inclusion93.events.Outbox;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.security.Caller;
import fr.inclusion93.structure.event.StructureEventType;
import fr.inclusion93.structure.event.StructureRegistered;
import fr.inclusion93.structure.mapping.StructureMapper;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.structure.rest.StructureRequest;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.writes.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Registers, changes, closes and reopens host structures. Each change is checked against the rules, written with
 * its audit record and its event (through the outbox) in one transaction, and bumps the structure's version.
 */
@ApplicationScoped
public class StructureService {

    static final URI WRONG_STATUS = ProblemType.of("wrong-status");

    private final Outbox outbox;
    private final AuditLog audit;
    private final StructureMapper mapper;
    private final StructureRules rules;
    private final Communes communes;
    private final Caller caller;

    StructureService(Outbox outbox, AuditLog audit, StructureMapper mapper, StructureRules rules, Communes communes,
            Caller caller) {
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
        this.rules = rules;
        this.communes = communes;
        this.caller = caller;
    }

    @Transactional
    public StructureResponse register(StructureRequest request) {
        return mapper.toResponse(registered(request, Map.of()));
    }

    /** What writing one row of an imported file did. */
    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Writes a structure as one row of an imported file describes it, in the import's transaction: registers it when
     * {@code existing} is null, else changes that structure (whatever its status, which an import leaves alone).
     * {@code mediation} replaces what the national standard says beyond the registry's own fields.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportOutcome importRow(UUID existing, StructureRequest request, Map<String, String> mediation) {
        if (existing == null) {
            registered(request, mediation);
            return ImportOutcome.CREATED;
        }
        return changed(existing, Precondition.optional(null), current -> request, mediation) == null
                ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
    }

    private Structure registered(StructureRequest request, Map<String, String> mediation) {
        requireWriteAccessTo(request.communeInsee());
        rules.check(request, null);
        rules.requireNoActiveDuplicate(null, request);
        Instant now = now();
        Structure structure = new Structure();
        structure.id = UUID.randomUUID();
        structure.status = Structure.Status.ACTIVE;
        structure.version = 1;
        structure.registeredAt = now;
        structure.updatedAt = now;
        apply(request, structure);
        structure.mediation = new TreeMap<>(mediation);
        persist(structure);
        record(StructureEventType.REGISTERED, null, structure);
        return structure;
    }

    public StructureResponse get(UUID id) {
        return mapper.toResponse(find(id));
    }

    /** Replaces a structure's data; {@code expectedVersion} empty for any version. Unchanged data changes nothing. */
    @Transactional
    public StructureResponse replace(UUID id, Precondition precondition, StructureRequest request) {
        return change(id, precondition, current -> request);
    }

    /**
     * Changes a structure from what it is now: {@code changed} gets the structure as a full replacement would write it
     * and returns the replacement (a merge patch applied to it, checked).
     */
    @Transactional
    public StructureResponse change(UUID id, Precondition precondition, Function<StructureRequest, StructureRequest> changed) {
        Structure structure = changed(id, precondition, changed, null);
        return mapper.toResponse(structure == null ? find(id) : structure);
    }

    /** The changed structure, or null when the change changes nothing; {@code mediation} null keeps the structure's. */
    private Structure changed(UUID id, Precondition precondition, Function<StructureRequest, StructureRequest> changed,
            Map<String, String> mediation) {
        Structure structure = lockedForWrite(id, precondition);
        StructureRequest request = changed.apply(mapper.toRequest(structure));
        requireWriteAccessTo(request.communeInsee());
        rules.check(request, structure.id);
        if (structure.active()) {
            rules.requireNoActiveDuplicate(structure.id, request);
        }
        StructureState before = StructureState.of(structure);
        apply(request, structure);
        if (mediation != null) {
            structure.mediation = new TreeMap<>(mediation);
        }
        if (sameData(before, StructureState.of(structure))) {
            return null;
        }
        bump(structure);
        persist(structure);
        record(StructureEventType.UPDATED, before, structure);
        return structure;
    }

    @Transactional
    public StructureResponse close(UUID id, Precondition precondition, LocalDate closedOn, String reason) {
        Structure structure = lockedForWrite(id, precondition);
        if (!structure.active()) {
            throw wrongStatus("is already closed (since " + structure.closedOn + ")");
        }
        if (closedOn.isAfter(LocalDate.now())) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("closedOn",
                    "is in the future: close a structure once it has closed")));
        }
        StructureState before = StructureState.of(structure);
        structure.status = Structure.Status.CLOSED;
        structure.closedOn = closedOn;
        structure.closeReason = reason.strip();
        bump(structure);
        persist(structure);
        record(StructureEventType.CLOSED, before, structure);
        return mapper.toResponse(structure);
    }

    @Transactional
    public StructureResponse reopen(UUID id, Precondition precondition) {
        Structure structure = lockedForWrite(id, precondition);
        if (structure.active()) {
            throw wrongStatus("is active: only a closed structure can reopen");
        }
        rules.requireNoActiveDuplicate(structure.id, mapper.toRequest(structure));
        StructureState before = StructureState.of(structure);
        structure.status = Structure.Status.ACTIVE;
        structure.closedOn = null;
        structure.closeReason = null;
        bump(structure);
        persist(structure);
        record(StructureEventType.REOPENED, before, structure);
        return mapper.toResponse(structure);
    }

    /** The structure, locked until the transaction ends, once the caller may write it and its If-Match holds. */
    private Structure lockedForWrite(UUID id, Precondition precondition) {
        Structure structure = Structure.<Structure>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Structure", id));
        requireWriteAccessTo(structure.communeInsee);
        precondition.requireMatch(structure.version);
        return structure;
    }

    private void requireWriteAccessTo(String communeInsee) {
        communes.byInseeCode(communeInsee).map(Commune::territory).ifPresent(caller::requireWriteAccessTo);
    }

    private void apply(StructureRequest request, Structure structure) {
        structure.name = request.name().strip();
        structure.siret = request.siret();
        structure.rna = request.rna();
        structure.parentId = request.parentId();
        structure.legalKind = request.legalKind();
        structure.type = request.type();
        structure.address = strip(request.address());
        structure.addressComplement = strip(request.addressComplement());
        structure.postalCode = request.postalCode();
        structure.communeInsee = request.communeInsee();
        structure.eptSiren = communes.byInseeCode(request.communeInsee()).map(Commune::eptSiren).orElse(null);
        structure.qpv = Boolean.TRUE.equals(request.qpv()) || request.qpvCode() != null;
        structure.qpvCode = request.qpvCode();
        structure.latitude = request.latitude();
        structure.longitude = request.longitude();
        structure.openingHours = strip(request.openingHours());
        structure.services = request.services() == null ? List.of() : request.services().stream().distinct().toList();
        structure.phone = request.phone() == null ? null : StructureRules.normalisedPhone(request.phone()).orElseThrow();
        structure.email = request.email();
        structure.website = request.website();
    }

    private void persist(Structure structure) {
        try {
            structure.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // the identifier locks make this unreachable between instances of this code; a manual write could still race
            throw ProblemException.conflict(ProblemType.CONFLICT, "Conflict", "siret",
                    "another active structure took this identity at the same time (" + e.getConstraintName() + ")");
        }
    }

    private void record(StructureEventType event, StructureState before, Structure after) {
        audit.record(event.type(), StructureEventType.AGGREGATE_TYPE, after.id.toString(), before, StructureState.of(after));
        Map<Integer, Object> payloads = new LinkedHashMap<>();
        payloads.put(event.schemaVersion(), mapper.toEvent(after));
        if (event == StructureEventType.REGISTERED && after.siret != null) {
            payloads.put(StructureRegistered.VERSION,
                    new StructureRegistered(after.id, after.name, after.siret, after.communeInsee));
        }
        outbox.publishSideBySide(StructureEventType.TOPIC, StructureEventType.AGGREGATE_TYPE, after.id.toString(),
                event.type(), payloads);
    }

    private static boolean sameData(StructureState before, StructureState after) {
        return Objects.equals(before, after);
    }

    private static void bump(Structure structure) {
        structure.version++;
        structure.updatedAt = now();
    }

    private static Structure find(UUID id) {
        return Structure.<Structure>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Structure", id));
    }

    private static ProblemException wrongStatus(String reason) {
        return ProblemException.conflict(WRONG_STATUS, "Not possible in this status", "status", reason);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
