package coop.intercoop.hub.portal.control;

import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * No stack trace reaches a page (DESIGN rule 8). A domain refusal ({@link HubException}) becomes a message on the input
 * whose id is the refusal's {@link HubException#field() field} (for {@code lines[1].debit}, the input {@code debit} in
 * row 1 of the table {@code lines}; for {@code lines[1].analytic[0].percent}, the component {@code analytic} of that
 * row), or at the top of the page, and the page is shown again; a concurrent change asks to reload; an expired view is
 * loaded again; every refusal found along with it ({@link HubException#all()}) goes next to its own field; anything
 * else is logged with an error id and the user sees that id only. Refusals are in the view's language when the portal
 * knows them, else in English.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());
    /** A field of one row of a list, {@code lines[1].debit}, possibly within a list of that row's. */
    private static final Pattern ROW_FIELD = Pattern.compile("(\\w+)\\[(\\d+)\\]\\.(\\w+)(?:\\[\\d+\\].*)?");

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            events.remove();
            try {
                handle(context, failure);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not report a failure to the user", e);
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }

    private void handle(FacesContext context, Throwable failure) throws IOException {
        Optional<HubException> refusal = cause(failure, HubException.class);
        boolean rendering = context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (cause(failure, ViewExpiredException.class).isPresent()) {
            reload(context);
        } else if (refusal.isPresent() && !rendering) {
            for (HubException each : refusal.get().all()) {
                refuse(context, each);
            }
        } else if (cause(failure, OptimisticLockException.class).isPresent() && !rendering) {
            Texts texts = texts();
            addError(context, null, texts.get("error.conflict"));
        } else {
            unexpected(context, failure, rendering);
        }
    }

    private void refuse(FacesContext context, HubException refusal) {
        String text = textOf(refusal);
        Matcher row = refusal.field() == null ? null : ROW_FIELD.matcher(refusal.field());
        if (row != null && row.matches() && refuseInRow(context, row, text)) {
            return;
        }
        UIInput input = refusal.field() == null ? null : inputWithId(context, refusal.field());
        if (input != null) {
            markRefused(context, input);
            addError(context, input.getClientId(context), text);
        } else {
            addError(context, null, text);
        }
    }

    /**
     * A field of one row of a list, such as {@code lines[1].debit}: the message goes to the input {@code debit} in row
     * 1 of the table (or repeat) whose id is {@code lines}. A row's part that is edited elsewhere (its analytic shares,
     * in a dialog) is represented in the row by a component of that id which is not an input, such as the button that
     * opens the dialog; the message goes next to it.
     */
    private static boolean refuseInRow(FacesContext context, Matcher row, String text) {
        UIComponent rows = componentWithId(context, row.group(1));
        if (rows == null) {
            return false;
        }
        char separator = UINamingContainer.getSeparatorChar(context);
        String clientId = rows.getClientId(context) + separator + row.group(2) + separator + row.group(3);
        AtomicBoolean found = new AtomicBoolean();
        context.getViewRoot().invokeOnComponent(context, clientId, (target, component) -> {
            if (component instanceof UIInput input) {
                markRefused(target, input);
            }
            addError(target, component.getClientId(target), text);
            found.set(true);
        });
        return found.get();
    }

    /**
     * Marks the refused input, keeping what the user entered on show: its value reached the model before the action
     * refused it, so the input has no submitted value left, and an invalid input without one is rendered empty (with
     * empty strings read as null). The next submission would then send nothing, and a corrected posting (the soft lock
     * overridden) would be refused for a missing date.
     */
    private static void markRefused(FacesContext context, UIInput input) {
        // a multiple choice submits an array, which its renderer expects back
        if (input.getSubmittedValue() == null && !(input instanceof UISelectMany)) {
            input.setSubmittedValue(shown(context, input));
        }
        input.setValid(false);
    }

    /** The input's value as its converter shows it. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static String shown(FacesContext context, UIInput input) {
        Object value = input.getValue();
        if (value == null) {
            return "";
        }
        Converter converter = input.getConverter();
        if (converter == null) {
            converter = context.getApplication().createConverter(value.getClass());
        }
        return converter == null ? value.toString() : converter.getAsString(context, input, value);
    }

    private void unexpected(FacesContext context, Throwable failure, boolean rendering) throws IOException {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure in the portal, error id " + errorId, failure);
        ExternalContext external = context.getExternalContext();
        if (!rendering) {
            addError(context, null, texts().format("error.unexpected", errorId));
        } else if (!external.isResponseCommitted()) {
            // the page cannot be completed: show the error page instead of half a page
            external.responseReset();
            external.redirect(external.getRequestContextPath() + "/error.xhtml?id=" + errorId);
            context.responseComplete();
        } else {
            context.responseComplete();
        }
    }

    /** After a session timeout a postback finds no view: load the page again (or sign in again). */
    private static void reload(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        context.responseComplete();
    }

    private static void addError(FacesContext context, String clientId, String text) {
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }

    /**
     * The refusal in the view's language: its own sentence, unless the portal words it for what the person sees there
     * ({@code refusal.<ExceptionName>}, e.g. naming a tick box where the API names a parameter).
     */
    private static String textOf(HubException refusal) {
        Texts texts = texts();
        String name = refusal.getClass().getSimpleName();
        return texts.find("refusal." + name).orElseGet(() -> refusal.message(texts.locale()));
    }

    /** The input named like the refused field, preferring the form that was submitted. */
    private static UIInput inputWithId(FacesContext context, String id) {
        return find(context, id, UIInput.class);
    }

    /** The component of that id (e.g. a table of rows), preferring the form that was submitted. */
    private static UIComponent componentWithId(FacesContext context, String id) {
        return find(context, id, UIComponent.class);
    }

    private static <T> T find(FacesContext context, String id, Class<T> type) {
        AtomicReference<T> found = new AtomicReference<>();
        AtomicReference<T> anywhere = new AtomicReference<>();
        VisitContext visit = VisitContext.createVisitContext(context, null,
                Set.of(VisitHint.SKIP_UNRENDERED, VisitHint.SKIP_ITERATION));
        context.getViewRoot().visitTree(visit, (visited, component) -> {
            if (type.isInstance(component) && id.equals(component.getId())) {
                if (insideSubmittedForm(component)) {
                    found.set(type.cast(component));
                    return VisitResult.COMPLETE;
                }
                anywhere.compareAndSet(null, type.cast(component));
            }
            return VisitResult.ACCEPT;
        });
        return found.get() != null ? found.get() : anywhere.get();
    }

    private static boolean insideSubmittedForm(UIComponent component) {
        for (UIComponent parent = component.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof UIForm form) {
                return form.isSubmitted();
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Texts texts() {
        return CDI.current().select(Texts.class).get();
    }
}
