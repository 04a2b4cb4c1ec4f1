package coop.intercoop.hub.accounting.boundary;

import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import coop.intercoop.hub.accounting.control.InUseException;
import coop.intercoop.hub.portal.control.Texts;

/**
 * The portal's message for a subaccount, project or grant that cannot be deleted, naming in the view's language each
 * kind of use and how many there are (the API's problem names them in its own words).
 */
final class InUseNotice {

    private InUseNotice() {
    }

    static void show(Texts texts, InUseException refused) {
        String uses = refused.uses().entrySet().stream()
                .map(use -> texts.format("inUse." + use.getKey().name(), use.getValue()))
                .collect(Collectors.joining(", "));
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                texts.format("inUse.refused", refused.code(), uses), null));
    }
}
