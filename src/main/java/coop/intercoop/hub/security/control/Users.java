package coop.intercoop.hub.security.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
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
