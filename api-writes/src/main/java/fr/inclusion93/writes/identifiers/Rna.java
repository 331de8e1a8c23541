package fr.inclusion93.writes.identifiers;

import java.util.regex.Pattern;

/** The number of an association in the Répertoire national des associations: W and 9 digits. */
public final class Rna {

    private static final Pattern FORMAT = Pattern.compile("W\\d{9}");

    private Rna() {
    }

    public static boolean isValid(String rna) {
        return rna != null && FORMAT.matcher(rna).matches();
    }
}
