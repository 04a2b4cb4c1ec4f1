package coop.intercoop.hub.security.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.security.control.HubAdministration;

/**
 * The hub's users ({@code /admin/users.xhtml}), for the hub administrator: create, activate and deactivate. The
 * administrator cannot deactivate themselves, so a hub never locks out its last administrator by a slip.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Inject
    Instance<Users> users;

    @Inject
    Texts texts;

    private List<User> all = List.of();
    private UserForm form = new UserForm();
    private long self;

    @HubAdministration
    public void load() {
        self = caller.user().getId();
        all = users.get().all();
    }

    public void add() {
        form = new UserForm();
    }

    @HubAdministration
    public void create() {
        users.get().create(form.getUsername(), form.getFullName(), form.getEmail(), form.getPassword(),
                form.isHubAdmin());
        texts.inform("users.created");
        form = new UserForm();
        all = users.get().all();
    }

    @HubAdministration
    public void activate(User user, boolean active) {
        User managed = users.get().find(user.getId());
        users.get().change(caller.user(), managed, active, managed.isHubAdmin());
        texts.inform(active ? "users.activated" : "users.deactivated");
        all = users.get().all();
    }

    public List<User> getAll() {
        return all;
    }

    public UserForm getForm() {
        return form;
    }

    public long getSelf() {
        return self;
    }
}
