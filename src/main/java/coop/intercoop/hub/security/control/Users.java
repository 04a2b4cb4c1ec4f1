package coop.intercoop.hub.security.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.entity.User;

/** The hub's users. Users are not tenant data: a person may belong to many organisations. */
@Dependent
public class Users {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    public Optional<User> byUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", username).getResultStream()
                .findFirst();
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    /**
     * The usernames of these users, by id, read a {@link Jdbc#chunks chunk} at a time: how other components name who
     * did what they recorded by user id (who posted a journal entry). An id of no user is left out.
     */
    public Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> usernames = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(ids)) {
            for (Object[] row : em.createNamedQuery(User.USERNAMES, Object[].class).setParameter("ids", chunk)
                    .getResultList()) {
                usernames.put((Long) row[0], (String) row[1]);
            }
        }
        return usernames;
    }

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    public User create(String username, String fullName, String email, String password, boolean hubAdmin) {
        if (byUsername(username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT)).isPresent()) {
            throw new DuplicateUserException(username);
        }
        User user = new User(username, fullName, email, passwords.hash(password), hubAdmin);
        em.persist(user);
        em.flush();
        audit.record(null, "user.created", "user", String.valueOf(user.getId()),
                user.getUsername() + (hubAdmin ? " (hub administrator)" : ""));
        return user;
    }

    /**
     * Changes a user's activity and hub administrator flag, the same rules for every channel: nobody deactivates
     * themselves or takes away their own hub administration, and the hub always keeps an active hub administrator. The
     * hub's active administrators are read with a lock, so two administrators deactivating each other at the same
     * moment cannot both succeed.
     *
     * @throws UserChangeRefusedException
     *             naming the rule the change would break
     */
    public void change(User acting, User user, boolean active, boolean hubAdmin) {
        boolean self = acting.getId().equals(user.getId());
        if (self && !active && user.isActive()) {
            throw new UserChangeRefusedException("active", "user.self-deactivate");
        }
        if (self && !hubAdmin && user.isHubAdmin()) {
            throw new UserChangeRefusedException("hubAdmin", "user.self-hub-admin");
        }
        if (user.isHubAdmin() && user.isActive() && !(active && hubAdmin)) {
            List<User> admins = em.createNamedQuery(User.ACTIVE_HUB_ADMINS, User.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (admins.stream().noneMatch(a -> !a.getId().equals(user.getId()))) {
                throw new UserChangeRefusedException(active ? "hubAdmin" : "active", "user.last-hub-admin");
            }
        }
        user.activate(active);
        user.grantHubAdmin(hubAdmin);
        audit.record(null, "user.changed", "user", String.valueOf(user.getId()),
                "active=" + active + ", hubAdmin=" + hubAdmin);
    }

    /** A change of a user that a rule of the hub's users refuses. */
    public static class UserChangeRefusedException extends HubException {
        private static final long serialVersionUID = 1L;

        UserChangeRefusedException(String field, String key) {
            super(Kind.CONFLICT, field, key, null);
        }
    }

    public void changePassword(User user, String newPassword) {
        user.changePasswordHash(passwords.hash(newPassword));
        audit.recordAs(user.getUsername(), null, "user.password-changed", "user", String.valueOf(user.getId()), null);
    }

    /**
     * Whether a portal session signed in with this credentials version may go on: the user is still active and has not
     * changed the password since. Read from the database on every request, so it holds whichever node the session is
     * on.
     */
    public boolean isSessionValid(String username, int credentialsVersion) {
        return byUsername(username).filter(User::isActive)
                .filter(user -> user.getCredentialsVersion() == credentialsVersion).isPresent();
    }
}
