package fr.inclusion93.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaTest {

    @Test
    void itsFieldsFollowTheRateLimitHeadersDraft() {
        Quota quota = new Quota("default", 600, Duration.ofMinutes(1));

        assertThat(quota.policyField()).isEqualTo("\"default\";q=600;w=60");
        assertThat(quota.limitField(599, 60)).isEqualTo("\"default\";r=599;t=60");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aQuotaWithoutRequestsIsRefused(int requests) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quota("default", requests, Duration.ofMinutes(1)))
                .withMessage("default rate limit: requests must be at least 1, got " + requests);
    }

    /** The fields carry whole seconds; the draft forbids a zero window. */
    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT1.5S", "PT-1S"})
    void aWindowOfNoWholeNumberOfSecondsIsRefused(String window) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quota("client", 10, Duration.parse(window)))
                .withMessage("client rate limit: the window must be whole seconds, got " + Duration.parse(window));
    }

    @Test
    void aNewBucketHoldsTheWholeQuota() {
        assertThat(new Quota("default", 7, Duration.ofSeconds(1)).newBucket().getAvailableTokens()).isEqualTo(7);
    }
}
