package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The outcome of one post's subsidy, kept once per post (V5__post_reservations.sql). */
@Entity
@Table(name = "post_reservation")
public class PostReservation extends PanacheEntityBase {

    public enum Status { RESERVED, REFUSED, RELEASED, ENDED }

    @Id
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "envelope_id")
    public UUID envelopeId;

    @Column(name = "line_id")
    public UUID lineId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "reserved_cents")
    public long reservedCents;

    @Column(name = "released_cents")
    public long releasedCents;

    @Column(name = "funded_months")
    public Integer fundedMonths;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "refusal_detail")
    public String refusalDetail;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "months_consumed")
    public Integer monthsConsumed;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
