package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An attribuant: who grants the money (the State in the département, a ministry…). */
@Entity
@Table(name = "funder")
public class Funder extends PanacheEntityBase {

    @Id
    public UUID id;

    public String key;

    public String name;

    /** Optional: the release gives none for the State. */
    public String siret;

    @Column(name = "created_at")
    public Instant createdAt;
}
