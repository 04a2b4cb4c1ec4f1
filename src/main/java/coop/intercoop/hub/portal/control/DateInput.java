package coop.intercoop.hub.portal.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import coop.intercoop.hub.platform.Notation;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * A date typed in a form's date picker ({@code dd/mm/yyyy}), read as {@link Notation#date} reads it: a day the calendar
 * does not have, such as 31/02/2026, is refused next to its field, never moved to another day (the picker's own reading
 * would make it 28/02/2026).
 */
@FacesConverter(value = "hub.date")
public class DateInput implements Converter<LocalDate> {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The portal's texts, looked up: Faces creates converters itself, outside CDI's injection. */
    private static Texts texts() {
        return CDI.current().select(Texts.class).get();
    }

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Notation.date(value);
        } catch (Notation.UnreadableValueException e) {
            String message = texts().format(e.key(), e.text());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : SHOWN.format(value);
    }
}
