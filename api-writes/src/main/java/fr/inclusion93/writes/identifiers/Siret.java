package fr.inclusion93.writes.identifiers;

/** SIRET checks (shared: structure-service registers structures by it, funding-service funders and beneficiaries): 14 digits with a valid Luhn checksum, or La Poste's establishments (SIREN 356000000, digit sum divisible by 5). */
public final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return digitSum(siret) % 5 == 0;
        }
        return luhnSum(siret) % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    private static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum;
    }
}
