package fr.inclusion93.structure.reference;

/** A commune of Seine-Saint-Denis (COG 2021) and the EPT it belongs to. */
public record Commune(String inseeCode, String name, String postalCode, String ept) {
}
