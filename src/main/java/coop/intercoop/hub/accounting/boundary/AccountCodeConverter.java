package coop.intercoop.hub.accounting.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * The account field of the entry form suggests "572 Bancos..."; the line keeps the code only, the part before the first
 * space, whether the user chose a suggestion or typed the code.
 */
@FacesConverter("hub.accountCode")
public class AccountCodeConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().split("\\s+", 2)[0];
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
