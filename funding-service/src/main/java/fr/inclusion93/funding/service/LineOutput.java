package fr.inclusion93.funding.service;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a line is meant to produce: 1,850 pupils equipped, up to 1,500 computers, 65 projects. */
@Embeddable
public class LineOutput {

    public enum Qualifier { UP_TO, AT_LEAST, ABOUT }

    public String unit;

    public String description;

    public long target;

    /** Null: the target as stated. */
    @Column(name = "target_qualifier")
    public String targetQualifier;
}
