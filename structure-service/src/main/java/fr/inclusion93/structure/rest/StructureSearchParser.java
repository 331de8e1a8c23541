package fr.inclusion93.structure.rest;

import static fr.inclusion93.problem.QueryParameterChecks.absent;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.writes.identifiers.Rna;
import fr.inclusion93.structure.service.SearchCursor;
import fr.inclusion93.structure.service.SearchSort;
import fr.inclusion93.writes.identifiers.Siret;
import fr.inclusion93.structure.service.Structure;
import fr.inclusion93.structure.service.StructureFilter;
import fr.inclusion93.structure.service.StructureSearchQuery;
import fr.inclusion93.structure.service.StructureTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns a search's query parameters into a query, or into one 400 naming every bad parameter. */
@ApplicationScoped
class StructureSearchParser {

    static final int MAX_WORDS = 10;
    static final int MAX_TEXT = 200;

    private final Communes communes;
    private final StructureTypes types;
    private final SortedSet<String> eptSirens;

    StructureSearchParser(Communes communes, StructureTypes types) {
        this.communes = communes;
        this.types = types;
        this.eptSirens = communes.all().stream().map(Commune::eptSiren).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    StructureSearchQuery parse(StructureSearchParameters p, MultivaluedMap<String, String> given) {
        List<Problem.FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(given, StructureSearchParameters.NAMES, errors);
        StructureFilter filter = new StructureFilter(
                check("ept", p.ept, eptSirens::contains, "is not the SIREN of an EPT (" + String.join(", ", eptSirens) + ")", errors),
                check("commune", p.commune, code -> communes.byInseeCode(code).isPresent(),
                        "is not the INSEE code of a commune this registry serves", errors),
                check("type", p.type, types::exists, "is not a structure type (see GET /api/structures/types)", errors),
                value("legalKind", p.legalKind, Structure.LegalKind.class, errors),
                bool("qpv", p.qpv, errors),
                value("status", p.status, Structure.Status.class, errors),
                words(p.q, errors),
                check("siret", p.siret, Siret::isValid, "must be 14 digits with a valid SIRET checksum", errors),
                check("rna", p.rna, Rna::isValid, "must be W followed by 9 digits", errors));
        SearchSort sort = absent(p.sort) ? SearchSort.DEFAULT : parsed("sort", p.sort, SearchSort::of,
                "must be one of " + SearchSort.parameters(), errors);
        int limit = QueryParameterChecks.limit(p.limit, StructureSearchQuery.DEFAULT_LIMIT, StructureSearchQuery.MAX_LIMIT, errors);
        SearchCursor after = cursor(p.cursor, sort, errors);
        QueryParameterChecks.throwIfAny(errors);
        return new StructureSearchQuery(filter, sort, limit, after);
    }

    private static String check(String name, String text, Predicate<String> valid, String reason,
            List<Problem.FieldError> errors) {
        return absent(text) ? null : parsed(name, text, value -> Optional.of(value).filter(valid), reason, errors);
    }

    private static <E extends Enum<E>> E value(String name, String text, Class<E> type, List<Problem.FieldError> errors) {
        String values = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return absent(text) ? null : parsed(name, text, value -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value)).findFirst(), "must be one of " + values, errors);
    }

    private static Boolean bool(String name, String text, List<Problem.FieldError> errors) {
        return absent(text) ? null : parsed(name, text, value -> switch (value) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        }, "must be true or false", errors);
    }

    private static List<String> words(String text, List<Problem.FieldError> errors) {
        if (absent(text)) {
            return List.of();
        }
        List<String> words = Arrays.asList(text.strip().split("\\s+"));
        if (text.length() > MAX_TEXT || words.size() > MAX_WORDS) {
            errors.add(new Problem.FieldError("q", "must be at most " + MAX_WORDS + " words and " + MAX_TEXT + " characters"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            errors.add(new Problem.FieldError("q", "must not contain control characters"));
        }
        return words;
    }

    private static SearchCursor cursor(String text, SearchSort sort, List<Problem.FieldError> errors) {
        if (absent(text)) {
            return null;
        }
        Optional<SearchCursor> cursor = SearchCursor.decode(text.strip());
        if (cursor.isEmpty()) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this search gave (use the next of the previous page)"));
        } else if (cursor.get().sort() != sort) {
            errors.add(new Problem.FieldError("cursor", "belongs to sort=" + cursor.get().sort().parameter()
                    + ": send it with the sort of the page that gave it"));
        }
        return cursor.orElse(null);
    }

    private static <T> T parsed(String name, String text, Function<String, Optional<T>> parser, String reason,
            List<Problem.FieldError> errors) {
        Optional<T> value = parser.apply(text.strip());
        if (value.isEmpty()) {
            errors.add(new Problem.FieldError(name, reason));
        }
        return value.orElse(null);
    }
}
