package coop.intercoop.hub.portal.control;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

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
 * An amount typed in a form, read exactly as {@link Notation#number} reads it: Spanish or English notation, its sign
 * and every decimal kept ({@code -18,505} stays -18.505, for the posting rules to refuse by name; {@code 1452.5} is
 * 1452.50 in either language). Text that is not a number is refused next to its field, never guessed at. Shown in the
 * user's language with at least two decimals.
 */
@FacesConverter(value = "hub.amount")
public class AmountInput implements Converter<BigDecimal> {

    /** The portal's texts, looked up: Faces creates converters itself, outside CDI's injection. */
    private static Texts texts() {
        return CDI.current().select(Texts.class).get();
    }

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Notation.number(value, texts().locale());
        } catch (Notation.UnreadableValueException e) {
            String message = texts().format(e.key(), e.text());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(texts().locale()));
        format.setMaximumFractionDigits(Math.max(2, value.scale()));
        return format.format(value);
    }
}
