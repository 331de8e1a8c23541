package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The money of a programme for a year and a territory, up to a ceiling when one is stated. */
@Entity
@Table(name = "envelope")
public class Envelope extends PanacheEntityBase {

    @Id
    public UUID id;

    public String key;

    @Column(name = "programme_id")
    public UUID programmeId;

    /** Null: not stated (the agreement's envelope has none). */
    public Integer year;

    @Enumerated(EnumType.STRING)
    @Column(name = "territory_level")
    public TerritoryLevel territoryLevel;

    @Column(name = "territory_code")
    public String territoryCode;

    /** Null: not stated; then committed lines have nothing to be checked against. */
    @Column(name = "ceiling_cents")
    public Long ceilingCents;

    /** The agreement (conseiller-service) whose posts this envelope funds; null for most envelopes. */
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "created_at")
    public Instant createdAt;
}
