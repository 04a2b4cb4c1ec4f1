package coop.intercoop.hub.portal.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shows a timestamp (UTC {@link Instant}, DESIGN rule 2) as the hub's users read it: day, month, year, hours and
 * minutes in the hub's time zone ({@code hub.portal.time-zone}, Europe/Madrid unless configured). Display only.
 */
@FacesConverter(forClass = Instant.class)
public class InstantDisplay implements Converter<Instant> {

    public static final String TIME_ZONE = "hub.portal.time-zone";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        if (value == null) {
            return "";
        }
        ZoneId zone = ZoneId
                .of(ConfigProvider.getConfig().getOptionalValue(TIME_ZONE, String.class).orElse("Europe/Madrid"));
        return FORMAT.withZone(zone).format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("Timestamps are shown, never entered");
    }
}
