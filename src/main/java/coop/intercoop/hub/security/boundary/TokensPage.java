package coop.intercoop.hub.security.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.ConfigProvider;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.ApiTokens;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.entity.ApiToken;

/**
 * The signed-in user's personal access tokens ({@code /account/tokens.xhtml}). A new token's secret is kept in this
 * view only until the user leaves it: the hub stores its hash, so the page shows it once.
 */
@Named
@ViewScoped
public class TokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Inject
    Instance<ApiTokens> apiTokens;

    @Inject
    Texts texts;

    /** Read in {@link #load()}: a config property cannot be injected into a passivation-capable bean. */
    private int maxDays;

    private List<ApiToken> tokens = List.of();
    private TokenForm form = new TokenForm();
    private String issuedName;
    private String issuedSecret;
    private Instant now;

    @Transactional
    public void load() {
        maxDays = ConfigProvider.getConfig().getOptionalValue(ApiTokens.MAX_DAYS, Integer.class)
                .orElse(ApiTokens.DEFAULT_MAX_DAYS);
        refresh();
    }

    @Transactional
    public void create() {
        ApiTokens.Issued issued = apiTokens.get().issue(caller.user(), form.getName(), form.getExpiresInDays(),
                form.isReadOnly());
        issuedName = issued.token().getName();
        issuedSecret = issued.secret();
        form = new TokenForm();
        refresh();
    }

    /** The user confirmed they copied the secret: it is forgotten. */
    public void forgetSecret() {
        issuedName = null;
        issuedSecret = null;
    }

    @Transactional
    public void revoke(ApiToken token) {
        apiTokens.get().revoke(caller.user(), token.getId());
        texts.inform("tokens.revokedMessage");
        refresh();
    }

    private void refresh() {
        tokens = apiTokens.get().of(caller.user());
        now = Instant.now();
    }

    /** Active, revoked or expired, as a key of the portal's texts. */
    public String stateOf(ApiToken token) {
        if (token.getRevokedAt() != null) {
            return "tokens.revoked";
        }
        return token.isUsableAt(now) ? "tokens.active" : "tokens.expired";
    }

    public List<ApiToken> getTokens() {
        return tokens;
    }

    public TokenForm getForm() {
        return form;
    }

    public String getIssuedName() {
        return issuedName;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public int getMaxDays() {
        return maxDays;
    }
}
