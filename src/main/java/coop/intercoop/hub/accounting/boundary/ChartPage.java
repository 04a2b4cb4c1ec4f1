package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.ChartTemplates;
import coop.intercoop.hub.accounting.control.InUseException;
import coop.intercoop.hub.accounting.control.StatementModels;
import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's chart of accounts ({@code /org/accounting/chart.xhtml}) as a tree of headings and posting
 * accounts. Those who keep the books build it once from a template, add subaccounts and choose the size of the annual
 * accounts (the models the balance sheet and the results account are drawn up in); auditors read it. Each action is one
 * transaction in the organisation checked for its request.
 */
@Named
@ViewScoped
public class ChartPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Accounts> accounts;

    @Inject
    Instance<ChartTemplates> templates;

    @Inject
    Texts texts;

    private TreeNode<Account> root = new DefaultTreeNode<>();
    private String chart;
    private String chartLabel;
    private int size;
    /** The size of the annual accounts, as the API writes it: abbreviated or normal. */
    private String statementSize;
    /** The size being chosen on the page, which becomes the size once it is accepted. */
    private String sizeChoice;
    private List<Account> ownSubaccounts = List.of();
    private List<String> templateNames = List.of();
    private String template;
    private String code;
    private String name;
    private boolean editable;
    /** The code of the subaccount being renamed, and its new name. */
    private String renaming;
    private String newName;

    @ReadsBooks
    public void load() {
        editable = tenant.may(KeepsBooks.class);
        refresh(null);
    }

    @KeepsBooks
    public void applyTemplate() {
        String applied = template;
        int created = accounts.get().applyTemplate(applied);
        refresh(null);
        texts.inform("chart.applied", created, label(applied));
    }

    @KeepsBooks
    public void addSubaccount() {
        Account added = accounts.get().addSubaccount(code, name);
        refresh(added.getCode());
        code = null;
        name = null;
        texts.inform("chart.added", added.getCode(), added.getName());
    }

    /**
     * Chooses the size of the annual accounts; a size the plan has no models of is refused next to the choice, and
     * nothing changes.
     */
    @KeepsBooks
    public void chooseSize() {
        StatementSize chosen = StatementSize.of(sizeChoice);
        accounts.get().chooseSize(chosen);
        statementSize = sizeChoice;
        texts.inform("chart.sizeChosen", getStatementSizeWord());
    }

    /** The chosen size as a word inside a sentence: "abreviado", "abbreviated". */
    public String getStatementSizeWord() {
        return statementSize == null ? null : texts.get("chart.size." + statementSize).toLowerCase(texts.locale());
    }

    /** The sizes of the annual accounts there are, as the API writes them. */
    public List<String> getStatementSizes() {
        return List.of("abbreviated", "normal");
    }

    public void startRename(Account account) {
        renaming = account.getCode();
        newName = account.getName();
    }

    @KeepsBooks
    public void rename() {
        Account renamed = accounts.get().rename(renaming, newName);
        refresh(renamed.getCode());
        texts.inform("chart.renamed", renamed.getCode(), renamed.getName());
    }

    @KeepsBooks
    public void delete(Account account) {
        try {
            accounts.get().delete(account.getCode());
            texts.inform("chart.deleted", account.getCode());
            refresh(account.getParentCode());
        } catch (InUseException refused) {
            texts.refuse(refused);
            refresh(account.getCode());
        }
    }

    /** The tree by parent code, groups open; the branch of {@code shown} open too, so a new subaccount is seen. */
    private void refresh(String shown) {
        Accounts control = accounts.get();
        ChartOfAccounts record = control.chart().orElse(null);
        chart = record == null ? null : record.getTemplate();
        statementSize = record == null ? null : record.getSize().code();
        sizeChoice = statementSize;
        chartLabel = chart == null ? null : label(chart);
        List<Account> all = control.all();
        size = all.size();
        ownSubaccounts = all.stream().filter(account -> !account.isFromTemplate()).toList();
        root = new DefaultTreeNode<>();
        Map<String, TreeNode<Account>> byCode = new HashMap<>();
        for (Account account : all) {
            // ordered by code: a parent's code is a prefix of its subaccounts' codes, so it comes first
            TreeNode<Account> parent = account.getParentCode() == null ? root
                    : byCode.getOrDefault(account.getParentCode(), root);
            TreeNode<Account> node = new DefaultTreeNode<>(account, parent);
            node.setExpanded(parent == root);
            byCode.put(account.getCode(), node);
        }
        for (TreeNode<Account> n = shown == null ? null : byCode.get(shown); n != null; n = n.getParent()) {
            n.setExpanded(true);
        }
        templateNames = chart == null ? templates.get().names() : List.of();
        template = templateNames.contains("pgc-esfl") ? "pgc-esfl" : null;
    }

    /** A template's label; every template has one (a unit test checks it), else its file name. */
    private String label(String templateName) {
        return texts.find("chart.template." + templateName).orElse(templateName);
    }

    public TreeNode<Account> getRoot() {
        return root;
    }

    public String getChart() {
        return chart;
    }

    /** The label of the template the chart was built from, in the view's language. */
    public String getChartLabel() {
        return chartLabel;
    }

    /** The organisation's own subaccounts, which it may rename or delete. */
    public List<Account> getOwnSubaccounts() {
        return ownSubaccounts;
    }

    public int getSize() {
        return size;
    }

    public String getStatementSize() {
        return statementSize;
    }

    public String getSizeChoice() {
        return sizeChoice;
    }

    public void setSizeChoice(String sizeChoice) {
        this.sizeChoice = sizeChoice;
    }

    public List<String> getTemplateNames() {
        return templateNames;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRenaming() {
        return renaming;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public boolean isEditable() {
        return editable;
    }
}
