package fr.inclusion93.conseiller.service;

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

/** The contract of a post's holder: running until it ends (early, with a reason, or at term). */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    public enum Type { CDD, CDI, CONTRAT_DE_PROJET }

    public enum TrainingMode { ONLINE, IN_PERSON, HYBRID }

    public enum EndReason { LICENCIEMENT, NON_RECONDUCTION, DEMISSION, TERM }

    /** The holder's training: it only moves forward. */
    public enum TrainingStatus { NOT_STARTED, IN_PROGRESS, COMPLETED }

    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "conseiller_id", nullable = false)
    public UUID conseillerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(name = "start_on", nullable = false)
    public LocalDate startOn;

    @Column(name = "planned_end_on", nullable = false)
    public LocalDate plannedEndOn;

    @Column(name = "state_funded_months", nullable = false)
    public int stateFundedMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "training_mode", nullable = false)
    public TrainingMode trainingMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "training_status", nullable = false)
    public TrainingStatus trainingStatus = TrainingStatus.NOT_STARTED;

    /** How many times the planned end was moved later. */
    @Column(nullable = false)
    public int renewals;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
