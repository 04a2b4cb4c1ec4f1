package coop.intercoop.hub.security.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person who signs in to the hub. What they may do in an organisation comes from their memberships. */
@Entity(name = "HubUser")
@Table(name = "app_user")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM HubUser u WHERE u.username = :username")
@NamedQuery(name = User.ALL, query = "SELECT u FROM HubUser u ORDER BY u.username")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM HubUser u")
@NamedQuery(name = User.ACTIVE_HUB_ADMINS, query = "SELECT u FROM HubUser u WHERE u.hubAdmin = TRUE AND u.active = TRUE")
@NamedQuery(name = User.USERNAMES, query = "SELECT u.id, u.username FROM HubUser u WHERE u.id IN :ids")
public class User {

    public static final String BY_USERNAME = "HubUser.byUsername";
    public static final String ALL = "HubUser.all";
    public static final String ACTIVE_HUB_ADMINS = "HubUser.activeHubAdmins";
    public static final String COUNT = "HubUser.count";
    /** The ids and usernames of the users with the ids {@code :ids}. */
    public static final String USERNAMES = "HubUser.usernames";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = "[a-z0-9][a-z0-9._@-]*", message = "{hub.username}")
    @Column(updatable = false)
    private String username;

    @NotBlank
    @Size(max = 200)
    @Column(name = "full_name")
    private String fullName;

    @Email
    @Size(max = 254)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "hub_admin")
    private boolean hubAdmin;

    private boolean active = true;

    /**
     * Moves on with every new password. A portal session keeps the version it signed in with and is valid only while it
     * is current, so a password change ends the sessions opened with the old one, on every node.
     */
    @Column(name = "credentials_version")
    private int credentialsVersion;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected User() {
    }

    public User(String username, String fullName, String email, String passwordHash, boolean hubAdmin) {
        this.username = username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        this.passwordHash = passwordHash;
        this.hubAdmin = hubAdmin;
        this.createdAt = Instant.now();
        describe(fullName, email);
    }

    public final void describe(String newFullName, String newEmail) {
        this.fullName = newFullName == null ? null : newFullName.strip();
        this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
    }

    /** A new password; every session signed in with the old one ends at its next request. */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.credentialsVersion++;
    }

    public void activate(boolean newActive) {
        this.active = newActive;
    }

    public void grantHubAdmin(boolean admin) {
        this.hubAdmin = admin;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isHubAdmin() {
        return hubAdmin;
    }

    public boolean isActive() {
        return active;
    }

    public int getCredentialsVersion() {
        return credentialsVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
