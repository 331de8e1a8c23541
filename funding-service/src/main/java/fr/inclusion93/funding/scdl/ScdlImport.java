package fr.inclusion93.funding.scdl;

import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.OutsideBeneficiaryRequest;
import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.funding.service.Beneficiary;
import fr.inclusion93.funding.service.BeneficiaryService;
import fr.inclusion93.funding.service.Envelope;
import fr.inclusion93.funding.service.Funder;
import fr.inclusion93.funding.service.FundingLine;
import fr.inclusion93.funding.service.LineService;
import fr.inclusion93.funding.service.Programme;
import fr.inclusion93.funding.service.Territories;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.tables.CsvFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports an SCDL subventions 2.1.1 CSV into one envelope: every row a COMMITTED top-level line, through the same
 * rules as the API (ceiling under the envelope's lock, audit trail, FundingLineCommitted), all rows in one transaction
 * or none. Each row's line gets a key derived from what identifies the subsidy (attribuant, convention date, decision
 * reference, beneficiary, object, amount) and the envelope, so the same file twice creates nothing the second time.
 */
@ApplicationScoped
public class ScdlImport {

    /** What an import did. */
    public record Report(int rows, int created, int unchanged) {
    }

    static final CsvFile.Standard STANDARD = new CsvFile.Standard("SCDL subventions 2.1.1", ScdlExport.COLUMNS,
            List.of("nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "objet", "montant", "nature",
                    "conditionsVersement", "datesPeriodeVersement", "notificationUE", "pourcentageSubvention"));

    private final LineService lines;
    private final BeneficiaryService beneficiaries;
    private final Territories territories;

    ScdlImport(LineService lines, BeneficiaryService beneficiaries, Territories territories) {
        this.lines = lines;
        this.beneficiaries = beneficiaries;
        this.territories = territories;
    }

    @Transactional
    public Report importCsv(InputStream body, Charset charset, UUID envelopeId) {
        Envelope envelope = Envelope.<Envelope>findByIdOptional(envelopeId).orElseThrow(() -> ProblemException.invalidFields(
                List.of(new FieldError("envelopeId", "no envelope has this id"))));
        territories.requireWriteAccess(new TerritoryBody(envelope.territoryLevel, envelope.territoryCode));
        Funder funder = Funder.findById(Programme.<Programme>findById(envelope.programmeId).funderId);
        List<CsvFile.Row> rows = CsvFile.read(body, charset, STANDARD);

        List<FieldError> errors = new ArrayList<>();
        List<ScdlRow> parsed = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (CsvFile.Row row : rows) {
            ScdlRow subsidy = ScdlRow.read(row, funder.siret, errors);
            if (subsidy == null) {
                continue;
            }
            Integer first = rowOfKey.putIfAbsent(key(envelope, subsidy), row.number());
            if (first != null) {
                errors.add(new FieldError("row " + row.number(), "is the same subsidy as row " + first));
            } else {
                parsed.add(subsidy);
            }
        }
        if (!errors.isEmpty()) {
            throw CsvFile.invalidRows(errors);
        }
        int created = 0;
        for (ScdlRow subsidy : parsed) {
            String key = key(envelope, subsidy);
            if (FundingLine.find("key", key).firstResultOptional().isPresent()) {
                continue;
            }
            lines.create(new LineRequest(key, envelope.id, null, beneficiary(subsidy), null, subsidy.object(),
                    subsidy.cents(), subsidy.nature(), null, subsidy.decisionReference(), subsidy.conventionDate(), null,
                    subsidy.paymentConditions(), null, null, subsidy.conventionDate().getYear(),
                    List.of(), List.of(), "COMMITTED"));
            created++;
        }
        return new Report(rows.size(), created, parsed.size() - created);
    }

    /** A host structure with the row's SIRET, else an outside organisation with its SIRET or RNA, else a new one. */
    private UUID beneficiary(ScdlRow subsidy) {
        Optional<Beneficiary> known = subsidy.siret() == null ? Optional.empty() : Beneficiary
                .<Beneficiary>find("kind = 'HOST_STRUCTURE' and siret = ?1 and status = 'ACTIVE'", subsidy.siret())
                .firstResultOptional();
        if (known.isEmpty()) {
            known = Beneficiary.<Beneficiary>find("kind = 'OUTSIDE_ORGANISATION' and (siret = ?1 or rna = ?2)",
                    subsidy.siret(), subsidy.rna()).firstResultOptional();
        }
        return known.map(b -> b.id).orElseGet(() -> beneficiaries.createOutsideOrganisation(new OutsideBeneficiaryRequest(
                null, subsidy.beneficiaryName(), subsidy.siret(), subsidy.rna(), null, null)).id());
    }

    /** "scdl-" and 40 hex digits of a SHA-256 of the envelope and what identifies the subsidy: a line key. */
    static String key(Envelope envelope, ScdlRow subsidy) {
        String identity = String.join("\u001f", envelope.id.toString(), subsidy.funderSiret(), subsidy.conventionDate().toString(),
                String.valueOf(subsidy.decisionReference()), String.valueOf(subsidy.siret()), String.valueOf(subsidy.rna()),
                subsidy.object(), Long.toString(subsidy.cents()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "scdl-" + HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
