package fr.inclusion93.funding.report;

import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.APPROXIMATE;
import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.CONFLICT;
import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.CONSISTENT;
import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.EQUAL;
import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.INDETERMINATE;
import static fr.inclusion93.funding.rest.ReconciliationRow.Verdict.NOT_RECONCILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict of every kind and qualifier, including the cases the release does not exercise. */
class VerdictTest {

    private static final List<String> NONE_MISSING = List.of();
    private static final List<String> ONE_MISSING = List.of("quartiers-ete");

    @Test
    void aDontMayFallShortOfItsParentNeverExceedIt() {
        assertThat(Reconciliation.verdict("dont", null, 100, 100L, NONE_MISSING)).isEqualTo(EQUAL);
        assertThat(Reconciliation.verdict("dont", null, 100, 90L, NONE_MISSING)).isEqualTo(CONSISTENT);
        assertThat(Reconciliation.verdict("dont", null, 100, 101L, NONE_MISSING)).isEqualTo(CONFLICT);
        assertThat(Reconciliation.verdict("dont", null, 100, 101L, ONE_MISSING)).isEqualTo(CONFLICT);
        assertThat(Reconciliation.verdict("dont", null, 100, 90L, ONE_MISSING)).isEqualTo(INDETERMINATE);
    }

    @Test
    void plusDeIsAFloorThatMissingAmountsCanOnlyHelpReach() {
        assertThat(Reconciliation.verdict("total", "plus de", 100, 100L, ONE_MISSING)).isEqualTo(CONSISTENT);
        assertThat(Reconciliation.verdict("total", "plus de", 100, 150L, NONE_MISSING)).isEqualTo(CONSISTENT);
        assertThat(Reconciliation.verdict("total", "plus de", 100, 90L, ONE_MISSING)).isEqualTo(INDETERMINATE);
        assertThat(Reconciliation.verdict("total", "plus de", 100, 90L, NONE_MISSING)).isEqualTo(CONFLICT);
    }

    @Test
    void presDeIsNeverJudgedAndAPlainFigureMustBeMet() {
        assertThat(Reconciliation.verdict("total", "près de", 100, 37L, NONE_MISSING)).isEqualTo(APPROXIMATE);
        assertThat(Reconciliation.verdict("total", "près de", 100, 90L, ONE_MISSING)).isEqualTo(INDETERMINATE);
        assertThat(Reconciliation.verdict("total", null, 100, 100L, NONE_MISSING)).isEqualTo(EQUAL);
        assertThat(Reconciliation.verdict("total", null, 100, 99L, NONE_MISSING)).isEqualTo(CONFLICT);
        assertThat(Reconciliation.verdict("total", null, 100, 99L, ONE_MISSING)).isEqualTo(INDETERMINATE);
        assertThat(Reconciliation.verdict("total", null, 100, null, null)).isEqualTo(NOT_RECONCILABLE);
    }
}
