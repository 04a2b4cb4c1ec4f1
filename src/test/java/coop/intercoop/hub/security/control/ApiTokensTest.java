package coop.intercoop.hub.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    /** FIPS 180-2, appendix B.1: SHA-256("abc"). */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of the empty message. */
    private static final String SHA256_OF_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void secretStartsWithTheHubPrefix() {
        assertTrue(ApiTokens.newSecret().startsWith("ich_"));
    }

    @Test
    void secretCarries43Base64UrlCharactersAfterThePrefix() {
        String random = ApiTokens.newSecret().substring("ich_".length());
        assertEquals(43, random.length(), random);
        assertTrue(random.matches("[A-Za-z0-9_-]{43}"), random);
    }

    @Test
    void secretDecodesTo256Bits() {
        String random = ApiTokens.newSecret().substring("ich_".length());
        assertEquals(32, Base64.getUrlDecoder().decode(random).length);
    }

    @Test
    void secretsDiffer() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            secrets.add(ApiTokens.newSecret());
        }
        assertEquals(100, secrets.size());
    }

    @Test
    void hashOfIsTheLowerCaseHexSha256() {
        assertEquals(SHA256_OF_ABC, ApiTokens.hashOf("abc"));
    }

    @Test
    void hashOfTheEmptyStringIsTheKnownDigest() {
        assertEquals(SHA256_OF_EMPTY, ApiTokens.hashOf(""));
    }

    @Test
    void hashOfIsDeterministic() {
        String secret = ApiTokens.newSecret();
        assertEquals(ApiTokens.hashOf(secret), ApiTokens.hashOf(secret));
    }

    @Test
    void hashOfASecretIs64LowerCaseHexDigits() {
        assertTrue(ApiTokens.hashOf(ApiTokens.newSecret()).matches("[0-9a-f]{64}"));
    }

    @Test
    void hashOfDiffersForDifferentSecrets() {
        assertNotEquals(ApiTokens.hashOf("ich_a"), ApiTokens.hashOf("ich_b"));
    }
}
