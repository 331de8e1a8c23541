package fr.inclusion93.funding.scdl;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.writes.identifiers.Rna;
import fr.inclusion93.writes.identifiers.Siret;
import fr.inclusion93.writes.tables.CsvFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One subsidy of an SCDL file, read and checked column by column (each error names the row and the column). */
record ScdlRow(String funderSiret, LocalDate conventionDate, String decisionReference, String beneficiaryName,
        String siret, String rna, String object, long cents, String nature, String paymentConditions) {

    private static final String PERIOD = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$";

    /** The row, or null when it has errors (added to {@code errors}). */
    static ScdlRow read(CsvFile.Row row, String envelopeFunderSiret, List<FieldError> errors) {
        int before = errors.size();
        Errors e = new Errors(row.number(), errors);
        String funder = row.get("idAttribuant");
        if (!funder.matches("^\\d{14}$")) {
            e.add("idAttribuant", "must be the attribuant's SIRET (14 digits)");
        } else if (!funder.equals(envelopeFunderSiret)) {
            e.add("idAttribuant", "is not the SIRET of the envelope's funder ("
                    + (envelopeFunderSiret == null ? "it has none" : envelopeFunderSiret) + ")");
        }
        require(row, e, "nomAttribuant");
        LocalDate convention = date(row, e, "dateConvention");
        String decision = optional(row, "referenceDecision");
        if (decision != null && decision.length() > 100) {
            e.add("referenceDecision", "is longer than 100 characters");
        }
        String name = require(row, e, "nomBeneficiaire");
        if (name != null && name.length() > 200) {
            e.add("nomBeneficiaire", "is longer than 200 characters");
        }
        String siret = optional(row, "idBeneficiaire");
        if (siret != null && !Siret.isValid(siret)) {
            e.add("idBeneficiaire", "is not a valid SIRET (14 digits, checksum)");
        }
        String rna = optional(row, "rnaBeneficiaire");
        if (rna != null && !Rna.isValid(rna)) {
            e.add("rnaBeneficiaire", "must be W followed by 9 digits");
        }
        if (siret == null && rna == null) {
            e.add("idBeneficiaire", "or rnaBeneficiaire is required");
        }
        String object = require(row, e, "objet");
        if (object != null && object.length() > 256) {
            e.add("objet", "is longer than 256 characters");
        }
        long cents = cents(row, e);
        String nature = switch (row.get("nature")) {
            case "aide en numéraire" -> "NUMERAIRE";
            case "aide en nature" -> "EN_NATURE";
            case "aide en numéraire;aide en nature", "aide en nature;aide en numéraire" -> "NUMERAIRE_ET_EN_NATURE";
            default -> {
                e.add("nature", "must be \"aide en numéraire\", \"aide en nature\" or both separated by ;");
                yield null;
            }
        };
        String conditions = switch (row.get("conditionsVersement")) {
            case "unique" -> "SINGLE";
            case "échelonné" -> "TRANCHES";
            default -> {
                e.add("conditionsVersement", "must be unique or échelonné");
                yield null;
            }
        };
        if (!row.get("datesPeriodeVersement").matches(PERIOD)) {
            e.add("datesPeriodeVersement", "must be a date or a period date/date (YYYY-MM-DD)");
        }
        if (!List.of("oui", "non").contains(row.get("notificationUE"))) {
            e.add("notificationUE", "must be oui or non");
        }
        if (row.get("idRAE").length() > 5) {
            e.add("idRAE", "is longer than 5 characters");
        }
        BigDecimal share = share(row, e);
        return errors.size() > before ? null : new ScdlRow(funder, convention, decision, name, siret, rna, object,
                share(cents, share), nature, conditions);
    }

    private record Errors(int row, List<FieldError> errors) {
        void add(String column, String reason) {
            errors.add(new FieldError("row " + row + ": " + column, reason));
        }
    }

    private static String require(CsvFile.Row row, Errors e, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            e.add(column, "is required");
            return null;
        }
        return value;
    }

    private static String optional(CsvFile.Row row, String column) {
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(CsvFile.Row row, Errors e, String column) {
        try {
            return LocalDate.parse(row.get(column));
        } catch (DateTimeParseException ex) {
            e.add(column, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** Euros with at most two decimals, above zero, as integer cents (no floating point). */
    private static long cents(CsvFile.Row row, Errors e) {
        try {
            BigDecimal euros = new BigDecimal(row.get("montant"));
            if (euros.signum() > 0 && euros.scale() <= 2) {
                return euros.movePointRight(2).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException ex) {
            // named below
        }
        e.add("montant", "must be an amount in euros above zero with at most two decimals (e.g. 99786.57)");
        return 0;
    }

    /** The beneficiary's share of the montant (1 for a single beneficiary), 0.01 to 1. */
    private static BigDecimal share(CsvFile.Row row, Errors e) {
        try {
            BigDecimal share = new BigDecimal(row.get("pourcentageSubvention"));
            if (share.compareTo(new BigDecimal("0.01")) >= 0 && share.compareTo(BigDecimal.ONE) <= 0) {
                return share;
            }
        } catch (NumberFormatException ex) {
            // named below
        }
        e.add("pourcentageSubvention", "must be a number from 0.01 to 1: the beneficiary's share of the montant");
        return BigDecimal.ONE;
    }

    /** What the beneficiary gets: montant × share, rounded half up to the cent. */
    private static long share(long cents, BigDecimal share) {
        return BigDecimal.valueOf(cents).multiply(share).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
