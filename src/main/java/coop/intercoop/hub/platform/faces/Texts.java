package coop.intercoop.hub.platform.faces;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.HubException;

/**
 * The portal's texts ({@code messages*.properties}, {@code #{msg}} in the views) in the language the user chose for the
 * session, which is the language of every view. It is read from the session rather than from the view root, whose
 * locale is still the browser's while a GET request's view actions run, before the view is built.
 */
@ApplicationScoped
public class Texts {

    public static final String BUNDLE = "msg";
    private static final String BASE_NAME = "coop.intercoop.hub.portal.messages";

    @Inject
    Language language;

    public String get(String key) {
        return bundle().getString(key);
    }

    public Optional<String> find(String key) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale()).format(arguments);
    }

    /** A confirmation at the top of the page, such as "Work centre saved." */
    public void inform(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, format(key, arguments), null));
    }

    /** A refusal the page handles itself, at the top of the page in the view's language. */
    public void refuse(HubException refusal) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.message(locale()), null));
    }

    public Locale locale() {
        return language.getLocale();
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(BASE_NAME, locale(), Thread.currentThread().getContextClassLoader());
    }
}
