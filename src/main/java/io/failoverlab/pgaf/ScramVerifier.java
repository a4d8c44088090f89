package io.failoverlab.pgaf;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's SCRAM-SHA-256 password verifier ({@code SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>},
 * RFC 5802/7677 as in src/common/scram-common.c), computed here so that {@code ALTER ROLE … PASSWORD}
 * carries only the verifier: the clear password never reaches the server, its statement log or
 * pg_stat_activity (psql's \password does the same). The md5 auth method accepts such a
 * verifier too (PostgreSQL then runs SCRAM). Passwords are ASCII here, so SASLprep is the identity.
 */
public final class ScramVerifier {
    public static final int ITERATIONS = 4096;
    private static final Pattern FORM = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    private static final Pattern HEAD = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() { }

    /** A verifier with a fresh random 16-byte salt. */
    public static String create(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return create(password, salt, ITERATIONS);
    }

    public static String create(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] salted = f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-256 is not available in this Java runtime", e);
        }
    }

    /**
     * The verifier this password would have with the salt and iterations of a stored verifier's
     * head ({@code SCRAM-SHA-256$4096:<salt>}, which is not secret); empty when it is not one.
     */
    public static Optional<String> sameSalt(String password, String storedHead) {
        if (storedHead == null) return Optional.empty();
        Matcher m = HEAD.matcher(storedHead.strip());
        if (!m.lookingAt()) return Optional.empty();
        return Optional.of(create(password, Base64.getDecoder().decode(m.group(2)), Integer.parseInt(m.group(1))));
    }

    public static boolean isVerifier(String s) { return s != null && FORM.matcher(s).matches(); }

    private static byte[] hmac(byte[] key, String msg) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(msg.getBytes(StandardCharsets.UTF_8));
    }
}
