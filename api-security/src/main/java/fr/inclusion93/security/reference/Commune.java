package fr.inclusion93.security.reference;

import fr.inclusion93.security.Territory;
import java.util.List;

/** A commune (COG), the postal codes that serve it, and the EPT it belongs to (none outside the Métropole du Grand Paris). */
public record Commune(String inseeCode, String name, List<String> postalCodes, String ept, String eptSiren) {

    public String departementCode() {
        return inseeCode.startsWith("97") ? inseeCode.substring(0, 3) : inseeCode.substring(0, 2);
    }

    public boolean servedBy(String postalCode) {
        return postalCodes.contains(postalCode);
    }

    /** The territory a partner's token must name (this EPT or the département) to write here. */
    public Territory territory() {
        return eptSiren == null ? Territory.departement(departementCode()) : new Territory(eptSiren, ept, departementCode());
    }
}
