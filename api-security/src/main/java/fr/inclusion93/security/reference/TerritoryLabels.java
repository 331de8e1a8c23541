package fr.inclusion93.security.reference;

import jakarta.enterprise.context.ApplicationScoped;

/** The names the reports show for an EPT (by SIREN, "none" outside any) and a commune (by INSEE code). */
@ApplicationScoped
public class TerritoryLabels {

    private final Communes communes;

    TerritoryLabels(Communes communes) {
        this.communes = communes;
    }

    public String ept(String siren) {
        return communes.all().stream().filter(c -> siren.equals(c.eptSiren())).findFirst().map(Commune::ept)
                .orElse("none".equals(siren) ? "Outside any EPT" : "EPT " + siren);
    }

    public String commune(String insee) {
        return communes.byInseeCode(insee).map(Commune::name).orElse("Commune " + insee);
    }
}
