package coop.intercoop.hub.platform.faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's language, kept for the session. Spanish unless the user chooses English; the browser's preference is
 * deliberately not followed, so every user of a hub sees the same texts until they choose.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    private static final List<Locale> SUPPORTED = List.of(SPANISH, ENGLISH);

    private Locale locale = SPANISH;

    public Locale getLocale() {
        return locale;
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }

    /** Switches the language and reloads the page the user is on with a GET, so every text is rendered anew. */
    public void change(String tag) throws IOException {
        locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst().orElse(SPANISH);
        FacesContext context = FacesContext.getCurrentInstance();
        context.getViewRoot().setLocale(locale);
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
