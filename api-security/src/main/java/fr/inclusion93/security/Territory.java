package fr.inclusion93.security;

/**
 * Where a record belongs, as a partner's token names territories: an EPT by its SIREN, inside a département by
 * its code. A partner of the EPT writes only there; a partner of the Département writes in all its EPTs.
 */
public record Territory(String eptSiren, String eptName, String departementCode) {

    /** A place outside any EPT (Paris, most départements): only the département's partners write there. */
    public static Territory departement(String departementCode) {
        return new Territory(null, null, departementCode);
    }

    public boolean includes(String partnerTerritory) {
        return partnerTerritory.equals(eptSiren) || partnerTerritory.equals(departementCode);
    }

    public String describe() {
        return eptSiren == null ? "département " + departementCode
                : eptName + " (EPT " + eptSiren + ", département " + departementCode + ")";
    }
}
