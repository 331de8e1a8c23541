package fr.inclusion93.structure;

import fr.inclusion93.writes.identifiers.Siret;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid SIRETs, so tests never collide with each other's data. */
public final class TestSirets {

    private TestSirets() {
    }

    public static String next() {
        return startingWith("7");
    }

    /** A SIRET of a public body (its SIREN starts with 2, as a commune's does). */
    public static String nextOfPublicBody() {
        return startingWith("2");
    }

    private static String startingWith(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (digits.length() < 13) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (Siret.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }
}
