package coop.intercoop.hub.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.entity.ApiToken;
import coop.intercoop.hub.security.entity.User;

/** Issues, checks and revokes personal access tokens. */
@Dependent
public class ApiTokens {

    /** Marks the hub's tokens, so secret scanners and people can recognise a leaked one. */
    public static final String PREFIX = "ich_";
    /** The longest life of a token, in days. */
    public static final String MAX_DAYS = "hub.tokens.max-days";
    public static final int DEFAULT_MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = MAX_DAYS, defaultValue = "" + DEFAULT_MAX_DAYS)
    int maxDays;

    /** A token just made: the only moment its secret exists outside the caller's hands. */
    public record Issued(ApiToken token, String secret) {
    }

    /** A token that authenticated a request, with its owner. */
    public record Authenticated(ApiToken token, User user) {
    }

    public Issued issue(User user, String name, int days, boolean readOnly) {
        if (days < 1 || days > maxDays) {
            throw new InvalidTokenRequestException("expiresInDays", "token.expiry", maxDays);
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidTokenRequestException("name", "token.name");
        }
        String secret = newSecret();
        Instant now = Instant.now();
        ApiToken token = new ApiToken(user.getId(), name.strip(), hashOf(secret), readOnly, now,
                now.plus(Duration.ofDays(days)));
        em.persist(token);
        em.flush();
        audit.recordAs(user.getUsername(), null, "token.created", "token", String.valueOf(token.getId()),
                token.getName() + (readOnly ? " (read-only)" : "") + ", expires " + token.getExpiresAt());
        return new Issued(token, secret);
    }

    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", hashOf(secret))
                .getResultStream().findFirst().filter(t -> t.isUsableAt(now)).flatMap(t -> {
                    User user = em.find(User.class, t.getUserId());
                    if (user == null || !user.isActive()) {
                        return Optional.empty();
                    }
                    t.usedAt(now);
                    return Optional.of(new Authenticated(t, user));
                });
    }

    public List<ApiToken> of(User user) {
        return em.createNamedQuery(ApiToken.OF_USER, ApiToken.class).setParameter("userId", user.getId())
                .getResultList();
    }

    /** Only the owner revokes a token; another user's token id answers as unknown. */
    public ApiToken revoke(User owner, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.getUserId() != owner.getId()) {
            throw new NotFoundException("token", tokenId);
        }
        token.revoke(Instant.now());
        audit.recordAs(owner.getUsername(), null, "token.revoked", "token", String.valueOf(tokenId), token.getName());
        return token;
    }

    /**
     * Revokes every usable token of the owner but {@code kept} (the token making the request, or null); answers how
     * many were revoked.
     */
    public int revokeAllOf(User owner, Long kept) {
        Instant now = Instant.now();
        int revoked = 0;
        for (ApiToken token : of(owner)) {
            if (token.isUsableAt(now) && !token.getId().equals(kept)) {
                token.revoke(now);
                audit.recordAs(owner.getUsername(), null, "token.revoked", "token", String.valueOf(token.getId()),
                        token.getName() + ", with a password change");
                revoked++;
            }
        }
        return revoked;
    }

    /** 256 random bits, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the whole secret, as stored in {@code api_token.token_hash}. */
    public static String hashOf(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public static class InvalidTokenRequestException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvalidTokenRequestException(String field, String key, Object... arguments) {
            super(Kind.INVALID, field, key, arguments);
        }
    }
}
