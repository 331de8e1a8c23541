package fr.inclusion93.structure;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes a red REST Assured check print its request and response, for every test class of this module: registered in
 * {@code META-INF/services}, picked up because quarkus-junit's {@code junit-platform.properties} turns on extension
 * auto-detection (a module's own file would replace that one, and Quarkus' class orderer with it).
 */
public class LogFailedExchanges implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
