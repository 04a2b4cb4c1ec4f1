package coop.intercoop.hub.portal.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The portal's texts ({@code messages*.properties}, {@code #{msg}} in the views) in the language of the view. */
@ApplicationScoped
public class Texts {

    public static final String BUNDLE = "msg";

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

    public Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getViewRoot() == null ? context.getApplication().getDefaultLocale()
                : context.getViewRoot().getLocale();
    }

    private static ResourceBundle bundle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, BUNDLE);
    }
}
