package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.SortNatural;

/** A subvention: money of an envelope for an object, maybe broken down into sub-lines ("dont"). */
@Entity
@Table(name = "funding_line")
public class FundingLine extends PanacheEntityBase {

    @Id
    public UUID id;

    public String key;

    @Column(name = "envelope_id")
    public UUID envelopeId;

    /** The line whose "dont" lists this one; a sub-line is in its parent's envelope. */
    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    /** Who receives it when no beneficiary is named ("insertion enterprises"). */
    @Column(name = "beneficiary_description")
    public String beneficiaryDescription;

    public String object;

    /** Optional while DRAFT; required to commit. */
    @Column(name = "amount_cents")
    public Long amountCents;

    public String nature;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "decision_reference")
    public String decisionReference;

    @Column(name = "convention_date")
    public LocalDate conventionDate;

    @Column(name = "convention_reference")
    public String conventionReference;

    @Column(name = "payment_conditions")
    public String paymentConditions;

    @Enumerated(EnumType.STRING)
    @Column(name = "territory_level")
    public TerritoryLevel territoryLevel;

    @Column(name = "territory_code")
    public String territoryCode;

    @Column(name = "cofinancing_share_bp")
    public Integer cofinancingShareBasisPoints;

    public Integer year;

    @Enumerated(EnumType.STRING)
    public LineStatus status;

    /** The sum of the line's payments, changed only under the line's row lock with the payment that changes it. */
    @Column(name = "paid_cents")
    public long paidCents;

    @ElementCollection
    @CollectionTable(name = "line_output", joinColumns = @JoinColumn(name = "line_id"))
    @OrderColumn(name = "position")
    public List<LineOutput> outputs = new ArrayList<>();

    /** Later years' amounts: forecasts, never counted as committed. */
    @ElementCollection
    @CollectionTable(name = "line_forecast", joinColumns = @JoinColumn(name = "line_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "amount_cents")
    @SortNatural
    public SortedMap<Integer, Long> forecasts = new TreeMap<>();

    /** The commitment's date: the decision date when stated, else the day the line was committed. */
    @Column(name = "committed_on")
    public LocalDate committedOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
