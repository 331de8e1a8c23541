package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dispositif of a funder; the post subsidy saga will read its amount per post and funded months. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public UUID id;

    public String key;

    public String name;

    @Column(name = "funder_id")
    public UUID funderId;

    /** The fund the money comes from, as written (optional). */
    public String fund;

    @Column(name = "amount_per_post_cents")
    public Long amountPerPostCents;

    @Column(name = "funded_months")
    public Integer fundedMonths;

    @Column(name = "created_at")
    public Instant createdAt;
}
