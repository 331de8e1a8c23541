package fr.inclusion93.security.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens for local runs and tests, signed with a key pair generated on first use (never committed): what an
 * identity provider's client-credentials grant would return, minted without one. JDK only, so that
 * {@code deploy/token.sh} runs this file with the source launcher, before anything is built.
 * <p>
 * Production never uses this: its services verify tokens from a real identity provider (README, "Tokens").
 */
public final class LocalTokens {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String ISSUER = "inclusion93-local";
    public static final String AUDIENCE = "inclusion93-api";

    private final PrivateKey privateKey;
    private final Path publicKey;

    private LocalTokens(PrivateKey privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair in {@code dir}, generated there (private half readable by its owner only) when missing. */
    public static LocalTokens inDirectory(Path dir) {
        try {
            Path privatePem = dir.resolve(PRIVATE_KEY_FILE);
            Path publicPem = dir.resolve(PUBLIC_KEY_FILE);
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                generate(dir, privatePem, publicPem);
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(privatePem)
                    .replaceAll("-----[A-Z ]+-----", "").strip());
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new LocalTokens(key, publicPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the local token key in " + dir, e);
        }
    }

    /** The PEM file services verify these tokens with ({@code JWT_PUBLIC_KEY_LOCATION}). */
    public Path publicKey() {
        return publicKey;
    }

    /** A token for one client: role, optional territory, valid from now for {@code ttl}. */
    public String mint(String clientId, String role, String territory, Duration ttl) {
        return mint(standardClaims(clientId, role, territory, ttl));
    }

    /** The claims {@link #mint(String, String, String, Duration)} signs, for callers that want to alter one. */
    public static Map<String, Object> standardClaims(String clientId, String role, String territory, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", clientId);
        claims.put("client_id", clientId);
        claims.put("groups", List.of(role));
        if (territory != null && !territory.isBlank()) {
            claims.put("territory", territory);
        }
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signs any claims (strings, numbers, lists of strings) with RS256. */
    public String mint(Map<String, Object> claims) {
        try {
            String signingInput = base64Url(json(Map.of("alg", "RS256", "typ", "JWT"))) + "." + base64Url(json(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static void generate(Path dir, Path privatePem, Path publicPem) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmp = Files.createTempFile(dir, "jwt-private", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file stays with the directory's default permissions
        }
        Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(tmp, privatePem); // last: a half-written pair is never taken for a whole one
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, ?> object) {
        return object.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + jsonValue(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String jsonValue(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(LocalTokens::jsonValue).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code java LocalTokens.java <key dir> keys} prints the public key's file (generating the pair when missing);
     * {@code java LocalTokens.java <key dir> <role> [--territory T] [--client ID] [--ttl SECONDS]} prints a token.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            usage("a key directory and a role are required");
        }
        Path dir = Path.of(args[0]);
        String role = args[1];
        if (role.equals("keys")) {
            System.out.println(inDirectory(dir).publicKey().toAbsolutePath());
            return;
        }
        if (!List.of("admin", "partner", "auditor", "dashboard", "monitoring").contains(role)) {
            usage("unknown role " + role);
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (!List.of("--territory", "--client", "--ttl").contains(name) || rest.isEmpty()) {
                usage("unexpected argument " + name);
            }
            options.put(name, rest.remove(0));
        }
        String territory = options.get("--territory");
        if (role.equals("partner") && territory == null) {
            usage("a partner token needs --territory (an EPT SIREN such as 200057875, or a département code such as 93)");
        }
        String client = options.getOrDefault("--client", "local-" + role + (territory == null ? "" : "-" + territory));
        Duration ttl = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--ttl", "3600")));
        System.out.println(inDirectory(dir).mint(client, role, territory, ttl));
    }

    private static void usage(String problem) {
        System.err.println("token: " + problem);
        System.err.println("usage: deploy/token.sh admin|partner|auditor|dashboard|monitoring "
                + "[--territory EPT_SIREN|DEPARTEMENT] [--client CLIENT_ID] [--ttl SECONDS]");
        System.exit(2);
    }
}
