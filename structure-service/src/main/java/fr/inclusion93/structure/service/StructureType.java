package fr.inclusion93.structure.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A type of host structure (mairie, library, France Services…); the list grows without a release. */
@Entity
@Table(name = "structure_type")
public class StructureType extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;
}
