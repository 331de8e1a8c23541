package fr.inclusion93.structure.service;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Checks opening hours against the OpenStreetMap {@code opening_hours} syntax, the part of it that places open to
 * the public use: rules separated by {@code ;} or {@code ||}, each with optional months, weekdays (and public or
 * school holidays {@code PH}/{@code SH}), times or {@code off}/{@code closed}/{@code open}/{@code unknown}, and an
 * optional quoted comment; or {@code 24/7}. Year ranges, week numbers and sunrise/sunset events are refused.
 */
public final class OpeningHours {

    public static final String EXAMPLE = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off";

    private static final String DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)";
    private static final String DAYS = "(?:PH|SH|" + DAY + "(?:-" + DAY + ")?(?:\\[-?[1-5](?:,-?[1-5])*\\])?)";
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String MONTH_DAY = MONTH + "(?: (?:0?[1-9]|[12]\\d|3[01]))?";
    private static final String MONTHS = MONTH_DAY + "(?:-" + MONTH_DAY + ")?";
    private static final String TIME = "(?:[01]\\d|2[0-4]):[0-5]\\d";
    private static final String SPAN = TIME + "(?:-(?:" + TIME + "|(?:2[5-9]|3\\d|4[0-7]):[0-5]\\d)\\+?|\\+)";
    private static final String STATE = "(?:open|closed|off|unknown)";
    private static final Pattern RULE = Pattern.compile(
            "(?:" + MONTHS + "(?:," + MONTHS + ")*(?: |$))?"
            + "(?:" + DAYS + "(?:," + DAYS + ")*(?: |$))?"
            + "(?:" + SPAN + "(?:," + SPAN + ")*(?: |$))?"
            + "(?:" + STATE + "(?: |$))?"
            + "(?:\"[^\"]*\")?");

    private OpeningHours() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String hours = value.strip();
        if (hours.equals("24/7")) {
            return true;
        }
        return Arrays.stream(hours.split("\\s*(?:;|\\|\\|)\\s*", -1))
                .allMatch(rule -> !rule.isEmpty() && RULE.matcher(rule).matches());
    }
}
