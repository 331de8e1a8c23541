package fr.inclusion93.funding.service;

/** Integer euro cents, shown as euros with two decimals ("559000.00", "-1500.50"); no floating point anywhere. */
public final class Money {

    private Money() {
    }

    public static String euros(Long cents) {
        if (cents == null) {
            return null;
        }
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        long centsPart = abs % 100;
        return sign + abs / 100 + (centsPart < 10 ? ".0" : ".") + centsPart; // no String.format: exports call this per row
    }

    /** "20000000 cents (200000.00 €)": how a refusal names a figure. */
    public static String both(long cents) {
        return cents + " cents (" + euros(cents) + " €)";
    }
}
