package fr.inclusion93.structure.service;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.structure.rest.StructureRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules a structure's data obeys beyond each field's own format (which Bean Validation checks on the request):
 * how its fields fit together and with the reference data, and no two active structures for one SIRET, RNA or
 * branch.
 */
@ApplicationScoped
public class StructureRules {

    static final URI DUPLICATE_SIRET = ProblemType.of("duplicate-siret");
    static final URI DUPLICATE_RNA = ProblemType.of("duplicate-rna");
    static final URI DUPLICATE_BRANCH = ProblemType.of("duplicate-branch");
    /** The phone numbers the national standard of lieux de médiation numérique accepts (France and overseas). */
    private static final Pattern STANDARD_PHONE = Pattern.compile("(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)\\d{6,9}");
    private static final Pattern QPV_CODE = Pattern.compile("Q[PN](\\d{3})\\d{3}");

    private final Communes communes;
    private final IdentityLocks locks;

    StructureRules(Communes communes, IdentityLocks locks) {
        this.communes = communes;
        this.locks = locks;
    }

    /** Refuses (400, every broken rule named) a structure whose fields do not fit together; {@code self} is null for a new one. */
    public void check(StructureRequest request, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        if (request.siret() == null && request.rna() == null && request.parentId() == null) {
            errors.add(new FieldError("siret", "a SIRET, an RNA (for an association) or a parentId (for a branch) is required"));
        }
        if (request.rna() != null && request.legalKind() != null && request.legalKind() != Structure.LegalKind.ASSOCIATION) {
            errors.add(new FieldError("rna", "identifies an association: legalKind must be ASSOCIATION"));
        }
        communes.byInseeCode(request.communeInsee()).ifPresent(commune -> checkPlace(request, commune, errors));
        if ((request.latitude() == null) != (request.longitude() == null)) {
            errors.add(request.latitude() == null ? new FieldError("latitude", "is required with longitude")
                    : new FieldError("longitude", "is required with latitude"));
        }
        if (request.type() != null && StructureType.findById(request.type()) == null) {
            errors.add(new FieldError("type", "is not a known type of structure (GET /api/structures/types)"));
        }
        if (request.phone() != null && normalisedPhone(request.phone()).isEmpty()) {
            errors.add(new FieldError("phone", "must be a French number, such as 01 48 36 64 00 or +33148366400"));
        }
        if (request.parentId() != null) {
            checkParent(request.parentId(), self, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        }
    }

    /** The phone as stored and published: digits after an international prefix ({@code 01 48…} becomes {@code +331 48…}). */
    public static Optional<String> normalisedPhone(String phone) {
        String digits = phone.replaceAll("[\\s.()-]", "");
        if (digits.matches("0[1-9]\\d{8}")) {
            digits = "+33" + digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        return STANDARD_PHONE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Refuses (409, naming the existing one) an identity that would make {@code self} (null for a new structure) a
     * second active structure for a SIRET, RNA or branch. Call it before changing the entity (a query flushes it).
     * Takes a transaction-scoped lock on each identifier first (unless the transaction holds the whole table:
     * {@link IdentityLocks}), so that of two concurrent requests for one SIRET the second waits for the first to commit
     * and then finds it; the unique indexes stay as the last word.
     */
    public void requireNoActiveDuplicate(UUID self, StructureRequest identity) {
        String siret = identity.siret();
        String rna = identity.rna();
        String name = identity.name().strip();
        locks.lock("siret", siret);
        locks.lock("rna", rna);
        locks.lock("branch", identity.parentId() == null ? null : identity.parentId() + "/" + name.toLowerCase(Locale.ROOT));
        duplicateOf(Structure.activeWithSiret(siret), self, DUPLICATE_SIRET, "Duplicate SIRET", "siret",
                "an active structure with SIRET " + siret + " is already registered");
        duplicateOf(Structure.activeWithRna(rna), self, DUPLICATE_RNA, "Duplicate RNA", "rna",
                "an active structure with RNA " + rna + " is already registered");
        duplicateOf(Structure.activeBranch(identity.parentId(), name), self, DUPLICATE_BRANCH,
                "Duplicate branch", "name", "the parent structure already has an active branch named " + name);
    }

    private void checkPlace(StructureRequest request, Commune commune, List<FieldError> errors) {
        if (request.postalCode() != null && !commune.servedBy(request.postalCode())) {
            errors.add(new FieldError("postalCode", "does not serve " + commune.name() + " (" + commune.inseeCode()
                    + "), which is served by " + String.join(", ", commune.postalCodes())));
        }
        if (request.qpvCode() != null && Boolean.FALSE.equals(request.qpv())) {
            errors.add(new FieldError("qpv", "is false but a qpvCode is given"));
        }
        var qpvCode = request.qpvCode() == null ? null : QPV_CODE.matcher(request.qpvCode());
        String departement = commune.departementCode();
        if (qpvCode != null && qpvCode.matches() && departement.matches("\\d+")
                && Integer.parseInt(qpvCode.group(1)) != Integer.parseInt(departement)) {
            errors.add(new FieldError("qpvCode", "is a QPV of département " + qpvCode.group(1) + ", not of "
                    + departement + " where " + commune.name() + " is"));
        }
    }

    private static void checkParent(UUID parentId, UUID self, List<FieldError> errors) {
        if (parentId.equals(self)) {
            errors.add(new FieldError("parentId", "cannot be the structure itself"));
            return;
        }
        Set<UUID> seen = new HashSet<>();
        Structure ancestor = Structure.findById(parentId);
        if (ancestor == null) {
            errors.add(new FieldError("parentId", "no structure has this id"));
            return;
        }
        while (ancestor != null && seen.add(ancestor.id)) {
            if (ancestor.id.equals(self)) {
                errors.add(new FieldError("parentId", "is a branch of this structure: a structure cannot be its own ancestor"));
                return;
            }
            ancestor = ancestor.parentId == null ? null : Structure.findById(ancestor.parentId);
        }
    }

    private static void duplicateOf(Optional<Structure> existing, UUID self, URI type, String title,
            String field, String reason) {
        existing.filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw duplicate(type, title, field, reason, Optional.of(other));
        });
    }

    private static ProblemException duplicate(URI type, String title, String field, String reason,
            Optional<Structure> existing) {
        ProblemException conflict = ProblemException.conflict(type, title, field, reason);
        return existing.map(other -> conflict.withExisting(URI.create("/api/structures/" + other.id))).orElse(conflict);
    }
}
