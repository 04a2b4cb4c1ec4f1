package coop.intercoop.hub.security.boundary;

import java.io.Serializable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user as the portal's form and the API's request body take it, with the constraints of the user entity. */
public class UserForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = "[a-z0-9][a-z0-9._@-]*", message = "{hub.username}")
    private String username;

    @NotBlank
    @Size(max = 200)
    private String fullName;

    @Email
    @Size(max = 254)
    private String email;

    @NotBlank
    private String password;

    private boolean hubAdmin;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isHubAdmin() {
        return hubAdmin;
    }

    public void setHubAdmin(boolean hubAdmin) {
        this.hubAdmin = hubAdmin;
    }
}
