package fr.inclusion93.funding.report;

/** What the breakdown groups by. The territorial ones roll a line's territory up to their level. */
public enum BreakdownDimension {
    PROGRAMME, ENVELOPE, YEAR, BENEFICIARY, COMMUNE, EPT, DEPARTEMENT;

    boolean territorial() {
        return this == COMMUNE || this == EPT || this == DEPARTEMENT;
    }

    /** Envelopes have ceilings; a programme's or a year's is the sum of its envelopes'. */
    boolean hasCeilings() {
        return this == PROGRAMME || this == ENVELOPE || this == YEAR;
    }
}
