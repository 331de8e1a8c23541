package fr.inclusion93.funding.service;

import fr.inclusion93.events.Outbox;
import fr.inclusion93.funding.event.FundingEvents;
import fr.inclusion93.funding.event.PostEvents;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.LineResponse;
import fr.inclusion93.funding.rest.PostReservationResponse;
import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.writes.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The post subsidy saga, funding-service's side. A post opened under an agreement reserves its programme's amount
 * per post as a COMMITTED line of the envelope that funds the agreement (so the ceiling rule and every report count
 * it), and answers FundingReserved, or FundingRefused with the reason; a post returned early releases what its unused
 * State-funded months would have cost (FundingReleased). Each post's outcome is kept once (post_reservation): a
 * redelivered or late event finds it and changes nothing, and a post ended before its opening arrived never reserves.
 */
@ApplicationScoped
public class PostSubsidies {

    private final LineService lines;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Communes communes;

    PostSubsidies(LineService lines, AuditLog audit, Outbox outbox, Communes communes) {
        this.lines = lines;
        this.audit = audit;
        this.outbox = outbox;
        this.communes = communes;
    }

    @Transactional
    public void opened(PostEvents.Opened post) {
        if (PostReservation.findById(post.postId()) != null) {
            return; // answered already (the same opening sent again), or the post ended before its opening arrived
        }
        PostReservation reservation = newReservation(post.postId(), post.agreementId());
        Optional<Envelope> funding = Envelope.<Envelope>find("agreementId", post.agreementId()).firstResultOptional();
        if (funding.isEmpty()) {
            refuse(reservation, "NO_ENVELOPE_FOR_AGREEMENT", "no envelope funds agreement " + post.agreementId(),
                    null, null, null);
            return;
        }
        Envelope envelope = Locks.locked(Envelope.class, funding.get().id).orElseThrow();
        reservation.envelopeId = envelope.id;
        Programme programme = Programme.findById(envelope.programmeId);
        if (programme.amountPerPostCents == null || programme.fundedMonths == null) {
            refuse(reservation, "PROGRAMME_WITHOUT_POST_AMOUNT", "programme " + programme.id + " (" + programme.name
                    + ") states no amountPerPostCents and fundedMonths", null, null, null);
            return;
        }
        long amount = programme.amountPerPostCents;
        long committed = Figures.committedInEnvelope(envelope.id);
        if (envelope.ceilingCents != null && committed + amount > envelope.ceilingCents) {
            refuse(reservation, "CEILING_EXCEEDED", "envelope " + envelope.id + " is exhausted: ceiling "
                    + Money.both(envelope.ceilingCents) + ", committed " + Money.both(committed) + ", a post needs "
                    + Money.both(amount) + ", above the ceiling by " + Money.both(committed + amount - envelope.ceilingCents),
                    envelope.ceilingCents, committed, amount);
            return;
        }
        LineResponse line = lines.createCommittedInLockedEnvelope(envelope, reservationLine(post, envelope, amount));
        reservation.lineId = line.id();
        reservation.status = PostReservation.Status.RESERVED;
        reservation.reservedCents = amount;
        reservation.fundedMonths = programme.fundedMonths;
        reservation.persist();
        audit.record(PostEvents.RESERVED, PostEvents.SUBSIDY, post.postId().toString(), null, PostReservationResponse.of(reservation));
        publish(reservation, PostEvents.RESERVED, new PostEvents.Reserved(post.postId(), post.agreementId(), envelope.id,
                line.id(), amount, programme.fundedMonths));
    }

    @Transactional
    public void ended(PostEvents.Ended post) {
        PostReservation reservation = PostReservation.findById(post.postId());
        PostReservationResponse before = null;
        if (reservation == null) { // the end came first: remember it, so that the opening reserves nothing
            reservation = newReservation(post.postId(), post.agreementId());
            reservation.status = PostReservation.Status.ENDED;
        } else if (reservation.endedOn != null) {
            return; // ended already
        } else {
            before = PostReservationResponse.of(reservation);
        }
        reservation.endedOn = post.endedOn();
        reservation.monthsConsumed = post.stateFundedMonthsConsumed();
        reservation.updatedAt = Records.now();
        if (reservation.status == PostReservation.Status.RESERVED && post.early()) {
            release(reservation, post);
        }
        reservation.persist();
        audit.record("PostReturned", PostEvents.SUBSIDY, post.postId().toString(), before, PostReservationResponse.of(reservation));
    }

    /** Keeps what the months used cost (rounded half up to the cent, never below what was paid); releases the rest. */
    private void release(PostReservation reservation, PostEvents.Ended post) {
        Locks.locked(Envelope.class, reservation.envelopeId).orElseThrow(); // envelope → line, as every writer
        FundingLine line = Locks.locked(FundingLine.class, reservation.lineId).orElseThrow();
        if (!line.status.committed()) {
            return; // cancelled by hand meanwhile: nothing left to release
        }
        long months = Math.min(post.stateFundedMonthsConsumed(), reservation.fundedMonths);
        long used = (line.amountCents * months * 2 + reservation.fundedMonths) / (2L * reservation.fundedMonths);
        long kept = Math.max(Math.max(used, line.paidCents), Figures.subLinesOf(line.id)); // the parent rule holds too
        long released = line.amountCents - kept;
        if (released == 0) {
            return;
        }
        lines.lowerAmount(line, kept, PostEvents.RELEASED);
        reservation.status = PostReservation.Status.RELEASED;
        reservation.releasedCents = released;
        publish(reservation, PostEvents.RELEASED, new PostEvents.Released(reservation.postId, reservation.agreementId,
                reservation.envelopeId, line.id, released, kept));
    }

    private void refuse(PostReservation reservation, String reason, String detail, Long ceiling, Long committed,
            Long requested) {
        reservation.status = PostReservation.Status.REFUSED;
        reservation.refusalReason = reason;
        reservation.refusalDetail = detail;
        reservation.persist();
        audit.record(PostEvents.REFUSED, PostEvents.SUBSIDY, reservation.postId.toString(), null,
                PostReservationResponse.of(reservation));
        publish(reservation, PostEvents.REFUSED, new PostEvents.Refused(reservation.postId, reservation.agreementId, reason,
                detail, reservation.envelopeId, ceiling, committed, requested));
    }

    private void publish(PostReservation reservation, String eventType, Object payload) {
        outbox.publish(FundingEvents.TOPIC, PostEvents.SUBSIDY, reservation.postId.toString(), eventType,
                FundingEvents.SCHEMA_VERSION, payload);
    }

    private LineRequest reservationLine(PostEvents.Opened post, Envelope envelope, long amount) {
        boolean hostKnown = Beneficiary.findByIdOptional(post.structureId()).isPresent();
        TerritoryBody territory = communes.byInseeCode(post.communeInsee()).isPresent()
                ? new TerritoryBody(TerritoryLevel.COMMUNE, post.communeInsee()) : null;
        return new LineRequest("post-" + post.postId(), envelope.id, null, hostKnown ? post.structureId() : null,
                hostKnown ? null : "structure " + post.structureId() + " (not yet known here)",
                "Poste de conseiller numérique " + post.postId(), amount, "NUMERAIRE", null, null, null, null, "TRANCHES",
                territory, null, post.openedOn().getYear(), List.of(), List.of(), "COMMITTED");
    }

    private static PostReservation newReservation(UUID postId, UUID agreementId) {
        PostReservation reservation = new PostReservation();
        reservation.postId = postId;
        reservation.agreementId = agreementId;
        reservation.createdAt = Records.now();
        reservation.updatedAt = reservation.createdAt;
        return reservation;
    }
}
