package fr.inclusion93.conseiller.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person holding (or who held) a post: name and professional e-mail only, both gone once erased. */
@Entity
@Table(name = "conseiller")
public class Conseiller extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String email;

    @Column(name = "erased_on")
    public LocalDate erasedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
