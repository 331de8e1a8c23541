package fr.inclusion93.structure.reference;

import fr.inclusion93.security.Territory;

/** A commune of Seine-Saint-Denis (COG 2021) and the EPT it belongs to. */
public record Commune(String inseeCode, String name, String postalCode, String ept, String eptSiren) {

    /** The territory a partner's token must name (this EPT or the département) to write here. */
    public Territory territory() {
        return new Territory(eptSiren, ept, inseeCode.substring(0, 2));
    }
}
