package fr.inclusion93.security;

/**
 * Where a record belongs, as a partner's token names territories: an EPT by its SIREN, inside a département by
 * its code. A partner of the EPT writes only there; a partner of the Département writes in all its EPTs.
 */
public record Territory(String eptSiren, String eptName, String departementCode) {

    public boolean includes(String partnerTerritory) {
        return eptSiren.equals(partnerTerritory) || departementCode.equals(partnerTerritory);
    }

    public String describe() {
        return eptName + " (EPT " + eptSiren + ", département " + departementCode + ")";
    }
}
