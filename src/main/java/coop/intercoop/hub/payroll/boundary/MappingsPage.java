package coop.intercoop.hub.payroll.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.payroll.control.GestoriaMappings;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * The organisation's saved gestoría mappings ({@code /org/payroll/mappings.xhtml}), for those who handle its personnel:
 * the mappings by name, and one of them, new or saved, edited concept by concept with the accounts of the
 * organisation's chart, saved through the same control and rules as the API ({@code …/payroll/gestoria-mappings}). A
 * concept left without an account is posted to the one {@code posting-accounts.csv} gives the chart.
 */
@Named
@ViewScoped
public class MappingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<GestoriaMappings> mappings;

    @Inject
    Instance<Accounts> accounts;

    @Inject
    Texts texts;

    private List<String> names = List.of();
    private String name;
    private boolean editing;
    private boolean existing;
    private List<Row> rows = List.of();
    private List<Account> chart = List.of();

    /** A concept of the gestoría's summary and the account chosen for it ({@code null}: the chart's default). */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Concept concept;
        private String account;

        Row(Concept concept, String account) {
            this.concept = concept;
            this.account = account;
        }

        public Concept getConcept() {
            return concept;
        }

        public String getAccount() {
            return account;
        }

        public void setAccount(String account) {
            this.account = account;
        }
    }

    @HandlesPersonnel
    public void load() {
        names = mappings.get().names();
    }

    /** A new mapping: a name to give and every concept without an account. */
    @HandlesPersonnel
    public void add() {
        edit(null);
    }

    /** The saved mapping of this name, to change. */
    @HandlesPersonnel
    public void edit(String mapping) {
        Map<Concept, String> saved = mapping == null ? Map.of() : mappings.get().of(mapping);
        name = mapping;
        existing = mapping != null;
        rows = Arrays.stream(Concept.values()).map(c -> new Row(c, saved.get(c))).toList();
        chart = accounts.get().all();
        editing = true;
    }

    @HandlesPersonnel
    public void save() {
        Map<String, String> chosen = new LinkedHashMap<>();
        rows.stream().filter(r -> r.account != null && !r.account.isBlank())
                .forEach(r -> chosen.put(r.concept.code(), r.account));
        mappings.get().save(name, chosen);
        texts.inform("mappings.saved", name);
        editing = false;
        load();
    }

    public void cancel() {
        editing = false;
    }

    public List<String> getNames() {
        return names;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Whether a saved mapping is edited: its name is kept (saving under another name would leave it behind). */
    public boolean isExisting() {
        return existing;
    }

    public boolean isEditing() {
        return editing;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Account> getChart() {
        return chart;
    }
}
