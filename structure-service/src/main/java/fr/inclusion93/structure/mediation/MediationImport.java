package fr.inclusion93.structure.mediation;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.writes.tables.CsvFile;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.security.Caller;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.structure.rest.StructureRequest;
import fr.inclusion93.structure.service.IdentityLocks;
import fr.inclusion93.structure.service.StructureRules;
import fr.inclusion93.structure.service.StructureService;
import fr.inclusion93.structure.service.StructureService.ImportOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Imports a file of the national standard of lieux de médiation numérique: every row, or none. Each row is checked
 * against the standard's schema and the registry's rules first, and the file is refused with every error named by
 * row and column when any row fails. Rows are matched to structures by {@code pivot} (SIRET, or RNA): a known one is
 * changed (or left alone when the file says what it already says), an unknown one registered; a closed structure
 * stays closed. All in one transaction, which keeps other writers of structures waiting until it ends.
 */
@ApplicationScoped
public class MediationImport {

    /** How many errors a refusal lists at most (a wrong file can have one per cell). */
    /** Rows read or written between two clearings of the persistence context (which would otherwise hold every row). */
    private static final int ROWS_PER_FLUSH = 100;
    private static final URI OUTSIDE_TERRITORY = ProblemType.of("outside-territory");

    private final StructureService structures;
    private final MediationRowReader rowReader;
    private final StructureRules rules;
    private final Validator validator;
    private final Communes communes;
    private final Caller caller;
    private final EntityManager entityManager;
    private final IdentityLocks identityLocks;
    private final Duration timeout;

    MediationImport(StructureService structures, MediationRowReader rowReader, StructureRules rules, Validator validator,
            Communes communes, Caller caller, EntityManager entityManager, IdentityLocks identityLocks,
            @ConfigProperty(name = "structure.import.timeout", defaultValue = "10m") Duration timeout) {
        this.structures = structures;
        this.rowReader = rowReader;
        this.rules = rules;
        this.validator = validator;
        this.communes = communes;
        this.caller = caller;
        this.entityManager = entityManager;
        this.identityLocks = identityLocks;
        this.timeout = timeout;
    }

    /** What an import did: rows read, structures registered, changed, and left as they were. */
    @Schema(name = "MediationImportReport", description = "What an import did; rows = created + updated + unchanged")
    public record Report(
            @Schema(description = "Data rows in the file", examples = "1") int rows,
            @Schema(description = "Structures registered (a pivot the registry did not know)", examples = "0") int created,
            @Schema(description = "Structures changed", examples = "1") int updated,
            @Schema(description = "Structures the file describes as they already were", examples = "0") int unchanged) {
    }

    public Report importCsv(InputStream body, Charset charset) {
        List<MediationRow> rows = MediationCsv.read(body, charset);
        return QuarkusTransaction.requiringNew().timeout(Math.toIntExact(timeout.toSeconds())).call(() -> {
            identityLocks.lockWholeTable(); // before the rows are matched: nobody registers one meanwhile
            return write(check(rows));
        });
    }

    /** 422 naming each broken row and column: nothing was imported. */
    static ProblemException invalidRows(List<FieldError> errors) {
        return CsvFile.invalidRows(errors);
    }

    private List<MediationRowReader.ImportedRow> check(List<MediationRow> rows) {
        List<MediationRowReader.ImportedRow> imported = new ArrayList<>(rows.size());
        List<FieldError> errors = new ArrayList<>();
        List<Integer> outsideTerritory = new ArrayList<>();
        Map<String, Integer> rowByPivot = new HashMap<>();
        Map<String, Integer> rowById = new HashMap<>();
        for (MediationRow row : rows) {
            List<FieldError> rowErrors = new ArrayList<>();
            firstOccurrence(row, "pivot", rowByPivot, rowErrors);
            firstOccurrence(row, "id", rowById, rowErrors);
            MediationRowReader.ImportedRow read = rowReader.read(row, rowErrors);
            checkRules(row, read, rowErrors);
            if (rowErrors.isEmpty() && !writableByCaller(read.request())) {
                outsideTerritory.add(row.number());
            }
            rowErrors.sort(Comparator.comparing(error -> columnIndex(row, error)));
            errors.addAll(rowErrors);
            imported.add(read);
            if (imported.size() % ROWS_PER_FLUSH == 0) {
                entityManager.clear(); // the structures rows were matched to: only their ids and data are kept
            }
        }
        if (!outsideTerritory.isEmpty()) {
            throw new ProblemException(403, OUTSIDE_TERRITORY, "Outside your territory", "A partner imports "
                    + "structures of its own territory only; rows outside yours: " + outsideTerritory.stream()
                            .limit(CsvFile.MAX_ERRORS).map(String::valueOf).collect(Collectors.joining(", "))
                    + "; nothing was imported", List.of());
        }
        if (!errors.isEmpty()) {
            throw invalidRows(errors);
        }
        entityManager.clear();
        return imported;
    }

    /** The registry's checks: each field's (on columns the standard's schema found no fault in), then the rules. */
    private void checkRules(MediationRow row, MediationRowReader.ImportedRow read, List<FieldError> errors) {
        Set<String> faulty = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        if (faulty.contains(row.field("commune"))) {
            faulty.add(row.field("code_insee")); // the commune was to give the code: one error is enough
        }
        for (ConstraintViolation<StructureRequest> violation : validator.validate(read.request())) {
            String field = row.field(MediationRowReader.columnOf(violation.getPropertyPath().toString()));
            if (faulty.add(field)) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            rules.check(read.request(), read.existing());
        } catch (ProblemException e) {
            errors.addAll(inRow(row, e));
        }
    }

    private boolean writableByCaller(StructureRequest request) {
        try {
            communes.byInseeCode(request.communeInsee()).map(Commune::territory).ifPresent(caller::requireWriteAccessTo);
            return true;
        } catch (ProblemException e) {
            if (e.status() != 403) {
                throw e;
            }
            return false;
        }
    }

    private Report write(List<MediationRowReader.ImportedRow> rows) {
        Map<ImportOutcome, Integer> outcomes = new EnumMap<>(ImportOutcome.class);
        int written = 0;
        for (MediationRowReader.ImportedRow row : rows) {
            try {
                outcomes.merge(structures.importRow(row.existing(), row.request(), row.mediation()), 1, Integer::sum);
            } catch (ProblemException e) {
                // a rule between rows the checks could not see (two rows taking one identity): the whole file is refused
                throw new ProblemException(e.status(), ProblemType.CONFLICT, "Conflict",
                        "row " + row.row().number() + ": " + e.getMessage() + "; nothing was imported", inRow(row.row(), e));
            }
            if (++written % ROWS_PER_FLUSH == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        return new Report(rows.size(), outcomes.getOrDefault(ImportOutcome.CREATED, 0),
                outcomes.getOrDefault(ImportOutcome.UPDATED, 0), outcomes.getOrDefault(ImportOutcome.UNCHANGED, 0));
    }

    private static void firstOccurrence(MediationRow row, String column, Map<String, Integer> rowByValue,
            List<FieldError> errors) {
        String value = row.get(column);
        Integer first = value.isEmpty() ? null : rowByValue.putIfAbsent(value, row.number());
        if (first != null) {
            errors.add(new FieldError(row.field(column), "is also the " + column + " of row " + first
                    + (column.equals("pivot") ? ": one row per structure" : ": ids are unique in a file")));
        }
    }

    private static int columnIndex(MediationRow row, FieldError error) {
        return MediationSchema.instance().columns().indexOf(error.field().substring(row.field("").length()));
    }

    private static List<FieldError> inRow(MediationRow row, ProblemException e) {
        return e.errors().stream()
                .map(error -> new FieldError(row.field(MediationRowReader.columnOf(error.field())), error.reason()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }
}
