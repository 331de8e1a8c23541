package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One entry of a line's payments: a tranche (positive) or a credit note (negative). Never updated nor deleted. */
@Entity
@Immutable
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    public enum Kind { TRANCHE, CREDIT_NOTE }

    @Id
    public UUID id;

    @Column(name = "line_id")
    public UUID lineId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "amount_cents")
    public long amountCents;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    public String reference;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
