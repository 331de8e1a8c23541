package fr.inclusion93.funding.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The part of a bundled release seed (src/main/resources/seed/README.md) the loader reads. The quotes, bases and notes
 * stay in the file: the model holds figures, keys and references.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReleaseSeed(int formatVersion, List<Funder> funders, List<Programme> programmes, List<Envelope> envelopes,
        List<Beneficiary> beneficiaries, List<Line> lines, List<StatedTotal> statedTotals) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Funder(String key, String name, String siret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Programme(String key, String name, String funder, String fund) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Territory(String level, String code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(String key, String programme, Integer year, Territory territory, Long ceilingCents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Beneficiary(String key, String name, String kind, String legalKind, String siret, String rna,
            String communeInsee) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Output(String key, String unit, String description, long target, String targetQualifier) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String key, String envelope, String parent, String beneficiary, String beneficiaryDescription,
            String object, Long amountCents, Territory territory, String nature, LocalDate decisionDate,
            String decisionReference, LocalDate conventionDate, String conventionReference, String paymentConditions,
            BigDecimal cofinancingShare, String status, List<Output> outputs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatedTotal(String key, String wording, String qualifier, long valueCents, String kind, String claims,
            List<String> parts, String partsBasis, String source) {
    }
}
