package fr.inclusion93.funding.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.funding.rest.EnvelopeRequest;
import fr.inclusion93.funding.rest.FunderRequest;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.OutputBody;
import fr.inclusion93.funding.rest.OutsideBeneficiaryRequest;
import fr.inclusion93.funding.rest.ProgrammeRequest;
import fr.inclusion93.funding.rest.SeedLoadReport;
import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.funding.service.BeneficiaryService;
import fr.inclusion93.funding.service.EnvelopeService;
import fr.inclusion93.funding.service.FunderService;
import fr.inclusion93.funding.service.KeyedRecords;
import fr.inclusion93.funding.service.KeyedRecords.Kind;
import fr.inclusion93.funding.service.LineOutput;
import fr.inclusion93.funding.service.LineService;
import fr.inclusion93.funding.service.Money;
import fr.inclusion93.funding.service.ProgrammeService;
import fr.inclusion93.funding.service.TerritoryLevel;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads a bundled seed through the services the API uses (the same rules, audit trail and outbox), in dependency
 * order: funders, programmes, envelopes, outside organisations, lines (parents first, with their outputs), then the
 * stated totals. An entry whose key is already loaded is skipped; one a rule refuses is recorded (seed_refusal) and
 * reported, and the load goes on. Each entry is its own transaction, as one API call would be. Not transactional
 * itself on purpose: a refused entry must not undo the others.
 */
@ApplicationScoped
public class SeedLoader {

    /** The seeds bundled in src/main/resources/seed/. */
    public static final List<String> BUNDLED = List.of("release-2021-01-15");

    private static final Map<String, LineOutput.Qualifier> QUALIFIERS = Map.of(
            "jusqu’à", LineOutput.Qualifier.UP_TO, "au moins", LineOutput.Qualifier.AT_LEAST,
            "environ", LineOutput.Qualifier.ABOUT);

    private final FunderService funders;
    private final ProgrammeService programmes;
    private final EnvelopeService envelopes;
    private final BeneficiaryService beneficiaries;
    private final LineService lines;
    private final KeyedRecords keyed;
    private final SeedStore store;
    private final Validator validator;
    private final ObjectMapper mapper;

    SeedLoader(FunderService funders, ProgrammeService programmes, EnvelopeService envelopes,
            BeneficiaryService beneficiaries, LineService lines, KeyedRecords keyed, SeedStore store, Validator validator,
            ObjectMapper mapper) {
        this.funders = funders;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.beneficiaries = beneficiaries;
        this.lines = lines;
        this.keyed = keyed;
        this.store = store;
        this.validator = validator;
        this.mapper = mapper;
    }

    public SeedLoadReport load(String seedName) {
        if (!BUNDLED.contains(seedName)) {
            throw ProblemException.notFound("Seed", seedName);
        }
        ReleaseSeed seed = read(seedName);
        Run run = new Run(seedName);
        Map<String, UUID> ids = new HashMap<>(); // "kind/key" → id, for the references of later entries
        for (ReleaseSeed.Funder f : seed.funders()) {
            run.entry(Kind.FUNDER, f.key(), null, ids, () -> funders.create(
                    valid(new FunderRequest(f.key(), f.name(), f.siret()))).id());
        }
        for (ReleaseSeed.Programme p : seed.programmes()) {
            run.entry(Kind.PROGRAMME, p.key(), null, ids, () -> programmes.create(valid(new ProgrammeRequest(p.key(),
                    p.name(), reference(ids, Kind.FUNDER, p.funder(), "funderId"), p.fund(), null, null))).id());
        }
        for (ReleaseSeed.Envelope e : seed.envelopes()) {
            run.entry(Kind.ENVELOPE, e.key(), null, ids, () -> envelopes.create(valid(new EnvelopeRequest(e.key(),
                    reference(ids, Kind.PROGRAMME, e.programme(), "programmeId"), e.year(), territory(e.territory()),
                    e.ceilingCents(), null))).id());
        }
        for (ReleaseSeed.Beneficiary b : seed.beneficiaries()) {
            run.entry(Kind.BENEFICIARY, b.key(), null, ids, () -> beneficiaries.createOutsideOrganisation(
                    valid(outsideOrganisation(b))).id());
        }
        for (ReleaseSeed.Line l : seed.lines()) { // the file lists parents before their sub-lines
            run.entry(Kind.LINE, l.key(), l.amountCents(), ids, () -> lines.create(valid(line(l, ids))).id());
        }
        Map<String, Long> published = new HashMap<>();
        seed.lines().forEach(l -> published.put(l.key(), l.amountCents()));
        for (int i = 0; i < seed.statedTotals().size(); i++) {
            run.counted("statedTotals", store.storeStatedTotal(seedName, i, seed.statedTotals().get(i), published));
        }
        Log.infof("Seed %s loaded: %s", seedName, run.counts);
        return new SeedLoadReport(seedName, run.counts, run.refusals);
    }

    /** The entries a load creates, skips or refuses, as the report counts them. */
    private final class Run {
        private final String seed;
        private final Map<String, SeedLoadReport.Counts> counts = new LinkedHashMap<>();
        private final List<SeedLoadReport.Refusal> refusals = new ArrayList<>();

        Run(String seed) {
            this.seed = seed;
            for (String kind : List.of("funders", "programmes", "envelopes", "beneficiaries", "lines", "statedTotals")) {
                counts.put(kind, new SeedLoadReport.Counts(0, 0, 0));
            }
        }

        void entry(Kind kind, String key, Long requestedCents, Map<String, UUID> ids, Supplier<UUID> create) {
            Optional<UUID> existing = keyed.idOf(kind, key);
            if (existing.isPresent()) {
                ids.put(kind.label() + "/" + key, existing.get());
                add(kind, 0, 1, 0);
                return;
            }
            try {
                ids.put(kind.label() + "/" + key, create.get());
                add(kind, 1, 0, 0);
            } catch (ProblemException problem) {
                if (KeyedRecords.isDuplicateKey(problem)) { // another loader created it meanwhile
                    ids.put(kind.label() + "/" + key, keyed.idOf(kind, key).orElseThrow());
                    add(kind, 0, 1, 0);
                    return;
                }
                SeedLoadReport.Refusal refusal = new SeedLoadReport.Refusal(kind.label(), key, requestedCents,
                        Money.euros(requestedCents), problem.status(),
                        problem.type().toString(), problem.title(), problem.getMessage(), problem.errors());
                store.storeRefusal(seed, refusal);
                refusals.add(refusal);
                add(kind, 0, 0, 1);
                Log.warnf("Seed %s: %s %s refused: %s", seed, kind.label(), key, problem.getMessage());
            }
        }

        void counted(String kind, boolean created) {
            SeedLoadReport.Counts c = counts.get(kind);
            counts.put(kind, new SeedLoadReport.Counts(c.created() + (created ? 1 : 0), c.alreadyThere() + (created ? 0 : 1),
                    c.refused()));
        }

        private void add(Kind kind, int created, int alreadyThere, int refused) {
            String name = kind == Kind.BENEFICIARY ? "beneficiaries" : kind.label() + "s";
            SeedLoadReport.Counts c = counts.get(name);
            counts.put(name, new SeedLoadReport.Counts(c.created() + created, c.alreadyThere() + alreadyThere,
                    c.refused() + refused));
        }
    }

    /**
     * The line as the API would receive it. Status: COMMITTED when the release gives an amount (it reports the money
     * as already mobilised, granted or financed in 2020), DRAFT without one (nothing can be committed); see the README.
     */
    private LineRequest line(ReleaseSeed.Line l, Map<String, UUID> ids) {
        UUID parent = l.parent() == null ? null : reference(ids, Kind.LINE, l.parent(), "parentId");
        UUID envelope = reference(ids, Kind.ENVELOPE, l.envelope(), "envelopeId");
        UUID beneficiary = l.beneficiary() == null ? null : reference(ids, Kind.BENEFICIARY, l.beneficiary(), "beneficiaryId");
        String status = l.status() != null ? l.status() : l.amountCents() != null ? "COMMITTED" : "DRAFT";
        List<OutputBody> outputs = l.outputs() == null ? List.of() : l.outputs().stream().map(SeedLoader::output).toList();
        Integer share = l.cofinancingShare() == null ? null : l.cofinancingShare().movePointRight(4).intValueExact();
        return new LineRequest(l.key(), envelope, parent, beneficiary, l.beneficiaryDescription(), l.object(),
                l.amountCents(), l.nature(), l.decisionDate(), l.decisionReference(), l.conventionDate(),
                l.conventionReference(), l.paymentConditions(), territory(l.territory()), share, null, outputs, null, status);
    }

    private static OutputBody output(ReleaseSeed.Output o) {
        LineOutput.Qualifier qualifier = o.targetQualifier() == null ? null : Optional.ofNullable(QUALIFIERS.get(o.targetQualifier()))
                .orElseThrow(() -> ProblemException.invalidFields(List.of(new FieldError("outputs.targetQualifier",
                        "no qualifier of the model reads \"" + o.targetQualifier() + "\""))));
        return new OutputBody(o.unit(), o.description(), o.target(), qualifier);
    }

    private static OutsideBeneficiaryRequest outsideOrganisation(ReleaseSeed.Beneficiary b) {
        if (!"outside-organisation".equals(b.kind())) {
            throw ProblemException.invalidFields(List.of(new FieldError("kind",
                    "a seed creates outside organisations only; host structures come from structure-service")));
        }
        return new OutsideBeneficiaryRequest(b.key(), b.name(), b.siret(), b.rna(),
                b.legalKind() == null ? null : b.legalKind().toUpperCase(Locale.ROOT), b.communeInsee());
    }

    private static TerritoryBody territory(ReleaseSeed.Territory t) {
        return t == null ? null : new TerritoryBody(TerritoryLevel.valueOf(t.level().toUpperCase(Locale.ROOT)), t.code());
    }

    /** The id of an entry loaded before; a reference to one that was refused refuses this one too. */
    private static UUID reference(Map<String, UUID> ids, Kind kind, String key, String field) {
        UUID id = ids.get(kind.label() + "/" + key);
        if (id == null) {
            throw ProblemException.invalidFields(List.of(new FieldError(field, "the " + kind.label() + " " + key
                    + " it refers to was not loaded")));
        }
        return id;
    }

    /** The API validates its bodies before a service sees them; so does the loader, with the same constraints. */
    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return request;
    }

    private ReleaseSeed read(String seedName) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("seed/" + seedName + ".json")) {
            if (in == null) {
                throw new IllegalStateException("seed/" + seedName + ".json is not bundled");
            }
            return mapper.readValue(in, ReleaseSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
