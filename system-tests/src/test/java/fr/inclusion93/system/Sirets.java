package fr.inclusion93.system;

import java.util.concurrent.ThreadLocalRandom;

/** SIRETs that pass structure-service's checks: 14 digits with a valid Luhn key. */
final class Sirets {

    private Sirets() {
    }

    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("8");
        while (digits.length() < 13) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = digits.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
