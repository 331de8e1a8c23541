package fr.inclusion93.funding.service;

import fr.inclusion93.events.Outbox;
import fr.inclusion93.funding.event.FundingEvents;
import fr.inclusion93.funding.event.FundingLineCommitted;
import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.LineResponse;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Creates, commits, cancels and closes funding lines. The invariants are checked in the transaction after the row
 * that guards the sum is locked FOR UPDATE, always in the order envelope → parent line → line (no deadlock):
 * committed top-level lines never sum above their envelope's ceiling; sub-lines never sum above their parent.
 */
@ApplicationScoped
public class LineService {

    static final String PATH = "/api/funding/lines";

    private final AuditLog audit;
    private final Outbox outbox;
    private final FundingMapper mapper;
    private final Territories territories;

    LineService(AuditLog audit, Outbox outbox, FundingMapper mapper, Territories territories) {
        this.audit = audit;
        this.outbox = outbox;
        this.mapper = mapper;
        this.territories = territories;
    }

    @Transactional
    public LineResponse create(LineRequest request) {
        if (request.territory() != null) {
            territories.requireWriteAccess(request.territory()); // first: a stranger learns nothing about what exists
        }
        LineRules.check(request);
        boolean commit = "COMMITTED".equals(request.status());
        FundingLine parent = request.parentId() == null ? null : lockedParent(request);
        UUID envelopeId = parent == null ? request.envelopeId() : parent.envelopeId;
        Envelope envelope = (commit && parent == null ? Locks.locked(Envelope.class, envelopeId)
                : Envelope.<Envelope>findByIdOptional(envelopeId))
                .orElseThrow(() -> invalid("envelopeId", "no envelope has this id"));
        territories.requireWriteAccess(request.territory() != null ? request.territory() : territoryOf(envelope));
        Records.requireFreeKey("line", request.key(), FundingLine.find("key", request.key()).firstResultOptional(), PATH);
        if (parent != null && parent.amountCents != null && request.amountCents() != null) {
            requireWithinParent(parent, request.amountCents());
        }
        if (commit && parent == null) {
            requireWithinCeiling(envelope, request.amountCents());
        }
        FundingLine line = newLine(request, envelopeId, commit ? LineStatus.COMMITTED : LineStatus.DRAFT);
        Records.persistNew(line, "line");
        LineResponse created = toResponse(line);
        audit.record("FundingLineCreated", FundingEvents.LINE, line.id.toString(), null, created);
        if (commit) {
            publishCommitted(line);
        }
        return created;
    }

    /** Commits a DRAFT line, with the amount of the line or (for a draft without one) of the request. */
    @Transactional
    public LineResponse commit(UUID id, Long requestedAmount) {
        // the rows that guard the sums first (envelope → parent → line), each read as it is once locked
        Object[] placement = Panache.getEntityManager().createQuery(
                "select l.envelopeId, l.parentId from FundingLine l where l.id = ?1", Object[].class)
                .setParameter(1, id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Funding line", id));
        UUID parentId = (UUID) placement[1];
        Envelope envelope = parentId == null ? Locks.locked(Envelope.class, (UUID) placement[0]).orElseThrow() : null;
        FundingLine parent = parentId == null ? null : Locks.locked(FundingLine.class, parentId).orElseThrow();
        FundingLine line = lockedForWrite(id);
        requireStatus(line, "commit", List.of(LineStatus.DRAFT));
        long amount = amountToCommit(line, requestedAmount);
        if (envelope != null) {
            requireWithinCeiling(envelope, amount);
        }
        if (parent != null && parent.amountCents != null && line.amountCents == null) {
            requireWithinParent(parent, amount);
        }
        long subLines = Figures.subLinesOf(line.id);
        if (subLines > amount) {
            throw FundingProblems.parentExceeded(line.id, amount, subLines, 0);
        }
        LineResponse before = toResponse(line);
        line.amountCents = amount;
        line.status = LineStatus.COMMITTED;
        line.committedOn = commitmentDate(line);
        line.updatedAt = Records.now();
        line.persistAndFlush();
        LineResponse after = toResponse(line);
        audit.record(FundingEvents.LINE_COMMITTED, FundingEvents.LINE, line.id.toString(), before, after);
        publishCommitted(line);
        return after;
    }

    /** Cancels a DRAFT line, or a COMMITTED one that has no payment entry and no live sub-line. */
    @Transactional
    public LineResponse cancel(UUID id) {
        FundingLine line = lockedForWrite(id);
        requireStatus(line, "cancel", List.of(LineStatus.DRAFT, LineStatus.COMMITTED));
        if (Payment.count("lineId", line.id) > 0) {
            throw ProblemException.conflict(FundingProblems.WRONG_STATUS, "Not possible in this status", "status",
                    "the line has payment entries (even if they net to zero): it can no longer be cancelled");
        }
        if (Figures.subLines(line.id).stream().anyMatch(s -> s.status != LineStatus.CANCELLED)) {
            throw ProblemException.conflict(FundingProblems.WRONG_STATUS, "Not possible in this status", "status",
                    "the line has sub-lines that are not cancelled: cancel them first");
        }
        return changeStatus(line, LineStatus.CANCELLED, "FundingLineCancelled");
    }

    /** Closes a PAID line: nothing more is paid or clawed back on it. */
    @Transactional
    public LineResponse close(UUID id) {
        FundingLine line = lockedForWrite(id);
        requireStatus(line, "close", List.of(LineStatus.PAID));
        return changeStatus(line, LineStatus.CLOSED, "FundingLineClosed");
    }

    /**
     * A COMMITTED top-level line the service creates for its own work (a post's reservation), in an envelope the caller
     * has locked: the ceiling rule, audit trail and event of any creation, and no caller whose territory to check.
     */
    LineResponse createCommittedInLockedEnvelope(Envelope envelope, LineRequest request) {
        requireWithinCeiling(envelope, request.amountCents());
        FundingLine line = newLine(request, envelope.id, LineStatus.COMMITTED);
        Records.persistNew(line, "line");
        LineResponse created = toResponse(line);
        audit.record("FundingLineCreated", FundingEvents.LINE, line.id.toString(), null, created);
        publishCommitted(line);
        return created;
    }

    /**
     * Lowers a committed line's amount to {@code kept} (the caller holds its locks and keeps it at or above what was
     * paid), its status following; nothing kept cancels it.
     */
    void lowerAmount(FundingLine line, long kept, String action) {
        LineResponse before = toResponse(line);
        if (kept == 0) {
            line.status = LineStatus.CANCELLED;
        } else {
            line.amountCents = kept;
            line.status = line.paidCents == 0 ? LineStatus.COMMITTED
                    : line.paidCents < kept ? LineStatus.PARTLY_PAID
                    : line.status == LineStatus.CLOSED ? LineStatus.CLOSED : LineStatus.PAID;
        }
        line.updatedAt = Records.now();
        line.persistAndFlush();
        audit.record(action, FundingEvents.LINE, line.id.toString(), before, toResponse(line));
    }

    public LineResponse get(UUID id) {
        return toResponse(find(id));
    }

    public PageResponse<LineResponse> list(UUID envelopeId, UUID parentId, LineStatus status, int page, int size) {
        StringJoiner where = new StringJoiner(" and ");
        List<Object> parameters = new ArrayList<>();
        if (envelopeId != null) {
            parameters.add(envelopeId);
            where.add("envelopeId = ?" + parameters.size());
        }
        if (parentId != null) {
            parameters.add(parentId);
            where.add("parentId = ?" + parameters.size());
        }
        if (status != null) {
            parameters.add(status);
            where.add("status = ?" + parameters.size());
        }
        Sort sort = Sort.by("createdAt").and("id");
        var query = parameters.isEmpty() ? FundingLine.<FundingLine>findAll(sort)
                : FundingLine.<FundingLine>find(where.toString(), sort, parameters.toArray());
        return Records.page(query, page, size, this::toResponse);
    }

    /** The line, locked until the transaction ends, once the caller may write in its territory. */
    FundingLine lockedForWrite(UUID id) {
        // a sub-line's parent first (envelope → parent → line): a change of a sub-line re-stamps its parent (V8)
        Panache.getEntityManager().createQuery("select l.parentId from FundingLine l where l.id = ?1", UUID.class)
                .setParameter(1, id).getResultStream().filter(Objects::nonNull).findFirst()
                .ifPresent(parentId -> Locks.locked(FundingLine.class, parentId));
        FundingLine line = Locks.locked(FundingLine.class, id)
                .orElseThrow(() -> ProblemException.notFound("Funding line", id));
        territories.requireWriteAccess(territoryOf(line));
        return line;
    }

    TerritoryBody territoryOf(FundingLine line) {
        return line.territoryLevel != null ? new TerritoryBody(line.territoryLevel, line.territoryCode)
                : territoryOf(EnvelopeService.find(line.envelopeId));
    }

    LineResponse toResponse(FundingLine line) {
        return mapper.toResponse(line, Figures.subLines(line.id));
    }

    static FundingLine find(UUID id) {
        return FundingLine.<FundingLine>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Funding line", id));
    }

    static void requireStatus(FundingLine line, String action, List<LineStatus> needed) {
        if (!needed.contains(line.status)) {
            throw FundingProblems.wrongStatus(action, line.status, needed);
        }
    }

    private FundingLine lockedParent(LineRequest request) {
        FundingLine parent = Locks.locked(FundingLine.class, request.parentId())
                .orElseThrow(() -> invalid("parentId", "no line has this id"));
        if (request.envelopeId() != null && !request.envelopeId().equals(parent.envelopeId)) {
            throw invalid("envelopeId", "a sub-line is in its parent's envelope " + parent.envelopeId);
        }
        if (parent.status == LineStatus.CANCELLED || parent.status == LineStatus.CLOSED) {
            throw ProblemException.conflict(FundingProblems.WRONG_STATUS, "Not possible in this status", "parentId",
                    "the parent line is " + parent.status + ": it takes no new sub-line");
        }
        return parent;
    }

    private static void requireWithinParent(FundingLine parent, long requested) {
        long subLines = Figures.subLinesOf(parent.id);
        if (subLines + requested > parent.amountCents) {
            throw FundingProblems.parentExceeded(parent.id, parent.amountCents, subLines, requested);
        }
    }

    private static void requireWithinCeiling(Envelope envelope, long requested) {
        if (envelope.ceilingCents == null) {
            return; // not stated: nothing to check against
        }
        long committed = Figures.committedInEnvelope(envelope.id);
        if (committed + requested > envelope.ceilingCents) {
            throw FundingProblems.ceilingExceeded(envelope.id, envelope.ceilingCents, committed, requested);
        }
    }

    private static long amountToCommit(FundingLine line, Long requested) {
        if (line.amountCents == null && requested == null) {
            throw invalid("amountCents", "is required to commit a line that has no amount");
        }
        if (line.amountCents != null && requested != null && !Objects.equals(line.amountCents, requested)) {
            throw invalid("amountCents", "the line's amount is " + Money.both(line.amountCents)
                    + "; committing does not change it");
        }
        return line.amountCents != null ? line.amountCents : requested;
    }

    private LineResponse changeStatus(FundingLine line, LineStatus status, String action) {
        LineResponse before = toResponse(line);
        line.status = status;
        line.updatedAt = Records.now();
        line.persistAndFlush();
        LineResponse after = toResponse(line);
        audit.record(action, FundingEvents.LINE, line.id.toString(), before, after);
        return after;
    }

    private void publishCommitted(FundingLine line) {
        outbox.publish(FundingEvents.TOPIC, FundingEvents.LINE, line.id.toString(), FundingEvents.LINE_COMMITTED,
                FundingEvents.SCHEMA_VERSION, new FundingLineCommitted(line.id, line.key, line.envelopeId, line.parentId,
                        line.beneficiaryId, line.object, line.amountCents, line.year, line.status.name()));
    }

    private static FundingLine newLine(LineRequest request, UUID envelopeId, LineStatus status) {
        FundingLine line = new FundingLine();
        line.id = UUID.randomUUID();
        line.key = request.key();
        line.envelopeId = envelopeId;
        line.parentId = request.parentId();
        line.amountCents = request.amountCents();
        line.territoryLevel = request.territory() == null ? null : request.territory().level();
        line.territoryCode = request.territory() == null ? null : request.territory().code();
        line.year = request.year();
        line.status = status;
        line.paidCents = 0;
        LineDetails.apply(line, request);
        if (status == LineStatus.COMMITTED) {
            line.committedOn = commitmentDate(line);
        }
        line.createdAt = Records.now();
        line.updatedAt = line.createdAt;
        return line;
    }

    private static java.time.LocalDate commitmentDate(FundingLine line) {
        return line.decisionDate != null ? line.decisionDate : java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    }

    private static TerritoryBody territoryOf(Envelope envelope) {
        return new TerritoryBody(envelope.territoryLevel, envelope.territoryCode);
    }

    private static ProblemException invalid(String field, String reason) {
        return ProblemException.invalidFields(List.of(new FieldError(field, reason)));
    }
}
