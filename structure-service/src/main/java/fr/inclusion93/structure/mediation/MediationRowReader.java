package fr.inclusion93.structure.mediation;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.structure.rest.StructureRequest;
import fr.inclusion93.structure.service.Structure;
import fr.inclusion93.structure.service.StructureType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads one row of the national standard as a structure of the registry. The registry's fields come from their
 * columns (the first e-mail, web site and known typology code where the standard allows several); what the standard
 * says beyond them is kept by column name. A row matched to a known structure keeps what the standard does not carry
 * (legal kind, parent, QPV, the other identifier).
 */
@ApplicationScoped
public class MediationRowReader {

    /** Columns read into the registry's own fields and not kept besides ({@code id} is the file's, {@code date_maj} ours). */
    static final Set<String> REGISTRY_COLUMNS = Set.of("id", "pivot", "nom", "commune", "code_postal", "code_insee",
            "adresse", "complement_adresse", "latitude", "longitude", "telephone", "horaires", "services", "date_maj");
    /** Where each field of a structure comes from in a row. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("name", "nom"), Map.entry("siret", "pivot"), Map.entry("rna", "pivot"), Map.entry("legalKind", "pivot"),
            Map.entry("parentId", "pivot"), Map.entry("type", "typologie"), Map.entry("address", "adresse"),
            Map.entry("addressComplement", "complement_adresse"), Map.entry("postalCode", "code_postal"),
            Map.entry("communeInsee", "code_insee"), Map.entry("latitude", "latitude"), Map.entry("longitude", "longitude"),
            Map.entry("openingHours", "horaires"), Map.entry("services", "services"), Map.entry("phone", "telephone"),
            Map.entry("email", "courriels"), Map.entry("website", "site_web"), Map.entry("qpv", "pivot"),
            Map.entry("qpvCode", "pivot"));
    static final String LIST_SEPARATOR = "\\|";

    private final Communes communes;

    MediationRowReader(Communes communes) {
        this.communes = communes;
    }

    /** A row as the registry would write it: the structure it is matched to (null for a new one) and its data. */
    public record ImportedRow(MediationRow row, UUID existing, StructureRequest request, Map<String, String> mediation) {
    }

    /** The column of a row a field of a structure (a Bean Validation property path, too) comes from. */
    static String columnOf(String field) {
        String name = field.split("[.\\[]", 2)[0];
        return COLUMN_OF_FIELD.getOrDefault(name, name);
    }

    /** Reads a row; adds to {@code errors} what breaks the standard's schema or cannot be read as a structure. */
    ImportedRow read(MediationRow row, List<FieldError> errors) {
        for (MediationSchema.Field field : MediationSchema.instance().fields()) {
            field.check(row.get(field.name())).ifPresent(reason -> errors.add(new FieldError(row.field(field.name()), reason)));
        }
        String pivot = row.get("pivot");
        String siret = pivot.matches("\\d{14}") ? pivot : null;
        String rna = pivot.matches("[Ww]\\d{9}") ? pivot.toUpperCase() : null;
        if (siret == null && rna == null && !pivot.isEmpty()) {
            errors.add(new FieldError(row.field("pivot"), "must be the SIRET of the place (14 digits) or the RNA number "
                    + "of its association (W and 9 digits): the registry identifies structures by one of them"));
        }
        Optional<Structure> existing = siret == null && rna == null ? Optional.empty() : Structure.identifiedBy(siret, rna);
        String communeInsee = commune(row, errors);
        List<String> typology = list(row.get("typologie"));
        String type = typology.stream().filter(code -> StructureType.findById(code) != null).findFirst()
                .orElse(existing.map(s -> s.type).orElse(null));
        if (type == null) {
            errors.add(new FieldError(row.field("typologie"), typology.isEmpty()
                    ? "is required by the registry: a typology code that is a type of structure (GET /api/structures/types)"
                    : "none of " + typology + " is a type of structure of the registry (GET /api/structures/types)"));
        }
        StructureRequest request = new StructureRequest(
                row.get("nom"),
                siret != null ? siret : existing.map(s -> s.siret).orElse(null),
                rna != null ? rna : existing.map(s -> s.rna).orElse(null),
                existing.map(s -> s.parentId).orElse(null),
                existing.map(s -> s.legalKind).orElseGet(() -> legalKind(siret, rna, typology)),
                type,
                row.get("adresse"),
                blankToNull(row.get("complement_adresse")),
                row.get("code_postal"),
                communeInsee,
                existing.map(s -> s.qpv).orElse(null),
                existing.map(s -> s.qpvCode).orElse(null),
                number(row.get("latitude")),
                number(row.get("longitude")),
                blankToNull(row.get("horaires")),
                list(row.get("services")),
                blankToNull(row.get("telephone")),
                list(row.get("courriels")).stream().findFirst().orElse(null),
                list(row.get("site_web")).stream().findFirst().orElse(null));
        Map<String, String> mediation = mediation(row);
        // a list that says no more than the registry's field is not kept (an export gives that field back as the list)
        mediation.remove("typologie", type);
        mediation.remove("courriels", request.email());
        mediation.remove("site_web", request.website());
        return new ImportedRow(row, existing.map(s -> s.id).orElse(null), request, mediation);
    }

    /** The INSEE code of the row's commune: code_insee, else the commune of that name the postal code serves. */
    private String commune(MediationRow row, List<FieldError> errors) {
        if (!row.get("code_insee").isEmpty()) {
            return row.get("code_insee");
        }
        Optional<Commune> commune = communes.byNameAndPostalCode(row.get("commune"), row.get("code_postal"));
        if (commune.isEmpty() && !row.get("commune").isEmpty()) {
            errors.add(new FieldError(row.field("commune"), "no commune of the registry named " + row.get("commune")
                    + " is served by postal code " + row.get("code_postal") + " (give code_insee)"));
        }
        return commune.map(Commune::inseeCode).orElse(null);
    }

    /** A new structure's legal kind, as far as its identifiers and typology tell: public bodies' SIRENs start with 1 or 2. */
    private static Structure.LegalKind legalKind(String siret, String rna, List<String> typology) {
        if (rna != null || typology.contains("ASSO")) {
            return Structure.LegalKind.ASSOCIATION;
        }
        return siret != null && (siret.startsWith("1") || siret.startsWith("2"))
                ? Structure.LegalKind.PUBLIC_COLLECTIVITY : Structure.LegalKind.OTHER_PRIVATE;
    }

    private static Map<String, String> mediation(MediationRow row) {
        Map<String, String> kept = new TreeMap<>();
        row.values().forEach((column, value) -> {
            if (!REGISTRY_COLUMNS.contains(column) && !value.isEmpty()) {
                kept.put(column, value);
            }
        });
        return kept;
    }

    static List<String> list(String value) {
        return value.isEmpty() ? List.of()
                : Arrays.stream(value.split(LIST_SEPARATOR)).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Double number(String value) {
        try {
            return value.isEmpty() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null; // the schema check names it
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
