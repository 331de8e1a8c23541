package fr.inclusion93.security.testing;

import fr.inclusion93.security.Roles;
import fr.inclusion93.security.local.LocalTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Tokens for a module's tests: one key pair per test JVM, in a temporary directory, whose public half the app
 * under test verifies with. A module enables it once with
 * {@code @WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)}.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String EST_ENSEMBLE = "200057875";
    public static final String PLAINE_COMMUNE = "200057867";
    public static final String SEINE_SAINT_DENIS = "93";
    private static final Duration TTL = Duration.ofHours(1);
    private static final LocalTokens TOKENS = LocalTokens.inDirectory(temporaryDirectory());

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TOKENS.publicKey().toUri().toString());
    }

    @Override
    public void stop() {
        // the key pair dies with the JVM's temporary directory
    }

    public static LocalTokens keys() {
        return TOKENS;
    }

    public static String token(String role) {
        return TOKENS.mint("test-" + role, role, null, TTL);
    }

    public static String partnerOf(String territory) {
        return TOKENS.mint("test-partner-" + territory, Roles.PARTNER, territory, TTL);
    }

    /** A RestAssured request that presents {@code token}. */
    public static RequestSpecification as(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token);
    }

    /** A RestAssured request from the admin, for tests about something else than access rules. */
    public static RequestSpecification asAdmin() {
        return as(token(Roles.ADMIN));
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("inclusion93-test-keys");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
