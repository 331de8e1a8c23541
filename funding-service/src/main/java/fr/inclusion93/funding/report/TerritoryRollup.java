package fr.inclusion93.funding.report;

import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A line's territory ({@code LEVEL:CODE}) rolled up to a breakdown's level: a commune counts in its EPT and its
 * département, an EPT in its département. A territory above the level stays as it is ("the whole EPT" in a breakdown
 * by commune): it cannot be split.
 */
@ApplicationScoped
public class TerritoryRollup {

    private final Communes communes;

    TerritoryRollup(Communes communes) {
        this.communes = communes;
    }

    String rollUp(String territory, BreakdownDimension level) {
        String[] parts = territory.split(":", 2);
        return switch (level) {
            case EPT -> "COMMUNE".equals(parts[0])
                    ? communes.byInseeCode(parts[1]).filter(c -> c.eptSiren() != null).map(c -> "EPT:" + c.eptSiren()).orElse(territory)
                    : territory;
            case DEPARTEMENT -> switch (parts[0]) {
                case "COMMUNE" -> communes.byInseeCode(parts[1]).map(c -> "DEPARTEMENT:" + c.departementCode()).orElse(territory);
                case "EPT" -> eptCommune(parts[1]).map(c -> "DEPARTEMENT:" + c.departementCode()).orElse(territory);
                default -> territory;
            };
            default -> territory;
        };
    }

    /** Every territory of the reference that rolls up to {@code key} at this level: what a drill-down selects. */
    Set<String> within(String key, BreakdownDimension level) {
        Set<String> territories = new LinkedHashSet<>();
        territories.add(key);
        for (Commune commune : communes.all()) {
            for (String territory : new String[] {"COMMUNE:" + commune.inseeCode(), "EPT:" + commune.eptSiren(),
                    "DEPARTEMENT:" + commune.departementCode()}) {
                if (!territory.endsWith(":null") && rollUp(territory, level).equals(key)) {
                    territories.add(territory);
                }
            }
        }
        return territories;
    }

    String label(String key) {
        String[] parts = key.split(":", 2);
        return switch (parts[0]) {
            case "COMMUNE" -> communes.byInseeCode(parts[1]).map(Commune::name).orElse("Commune " + parts[1]);
            case "EPT" -> eptCommune(parts[1]).map(c -> c.ept() + " (EPT)").orElse("EPT " + parts[1]);
            default -> "Département " + parts[1];
        };
    }

    private Optional<Commune> eptCommune(String siren) {
        return communes.all().stream().filter(c -> siren.equals(c.eptSiren())).findFirst();
    }
}
