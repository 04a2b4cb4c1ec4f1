package coop.intercoop.hub.accounting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An account of an organisation's chart. The chart starts as a copy of a template (PGC ESFL, PYMESFL, PYMES); the
 * organisation then extends it with subaccounts, e.g. 5720001 for one bank account under 572 Bancos. Codes are digits
 * only, at most {@value #MAX_CODE_LENGTH} long, and their first digit is the group (PGC, segunda parte: the nine groups
 * of the cuadro de cuentas). Tenant-scoped: EclipseLink adds {@code org_id} to every read.
 * <p>
 * The entity states the chart's rules (what a code may be, what a new subaccount may extend, what may be renamed or
 * deleted) but is not written through JPA: its table has one writer, accounting's {@code Accounts}, in SQL, because a
 * template's hundreds of accounts are written in a few set-based statements. Nothing here changes a read account.
 */
@Entity
@Table(name = "account")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.code")
@NamedQuery(name = Account.BY_CODE, query = "SELECT a FROM Account a WHERE a.code = :code")
@NamedQuery(name = Account.BY_CODES, query = "SELECT a FROM Account a WHERE a.code IN :codes")
public class Account {

    public static final String ALL = "Account.all";
    public static final String BY_CODE = "Account.byCode";
    public static final String BY_CODES = "Account.byCodes";
    public static final int MAX_CODE_LENGTH = 12;
    /** Groups have one digit, subgroups two, accounts three or more (PGC, quinta parte: cuadro de cuentas). */
    public static final int ACCOUNT_LENGTH = 3;
    public static final int MAX_NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Column(name = "grp")
    private int group;

    @Enumerated(EnumType.STRING)
    private Nature nature;

    @Enumerated(EnumType.STRING)
    private AccountKind kind;

    @Column(name = "parent_code")
    private String parentCode;

    @Column(name = "from_template")
    private boolean fromTemplate;

    @Version
    private int version;

    protected Account() {
    }

    private Account(String code, String name, Nature nature, AccountKind kind, String parentCode,
            boolean fromTemplate) {
        this.code = checkCode(code);
        this.name = checkName(name);
        this.group = groupOf(this.code);
        this.nature = nature;
        this.kind = kind;
        this.parentCode = parentCode;
        this.fromTemplate = fromTemplate;
    }

    /** An account as a chart template defines it; {@code parentCode} is null for the nine groups. */
    public static Account ofTemplate(String code, String name, Nature nature, AccountKind kind, String parentCode) {
        Account account = new Account(code, name, nature, kind, parentCode, true);
        if (parentCode != null && !account.code.startsWith(parentCode)) {
            throw new InvalidAccountException("code", "account.not-under", code, parentCode);
        }
        return account;
    }

    /**
     * A subaccount of this account: its code starts with this account's code and is longer. Only a heading or a posting
     * account of the template can be extended; an organisation's own subaccount cannot. A posting account that gets a
     * subaccount becomes a heading, so that entries always go to the most detailed account: whoever writes the
     * subaccount writes this account as a heading with it.
     *
     * @throws InvalidAccountException
     *             naming what is wrong with the code or the name
     */
    public Account subaccount(String subCode, String subName) {
        String checked = checkCode(subCode);
        checkExtends(checked, code, !fromTemplate, parentCode);
        return new Account(checked, subName, nature, AccountKind.POSTING, code, false);
    }

    /**
     * Whether a new subaccount may extend an account: its code starts with the account's and is longer, it does not
     * hang from a group or subgroup ({@link #checkParent}), and the account is one of the chart's, not one the
     * organisation added (entries always go to the most detailed account, and an own subaccount stays the most detailed
     * one). The one rule for the API, the portal and the chart-subaccount import.
     *
     * @param code
     *            the new code, checked by {@link #checkCode}
     * @param parentIsOwnSubaccount
     *            whether the account it extends is one the organisation added
     * @param grandParentCode
     *            the account that one extends, named as the one to extend instead
     *
     * @throws InvalidAccountException
     *             naming the rule the code breaks
     */
    public static void checkExtends(String code, String parentCode, boolean parentIsOwnSubaccount,
            String grandParentCode) {
        if (!code.startsWith(parentCode) || code.length() <= parentCode.length()) {
            throw new InvalidAccountException("code", "account.sub.prefix", parentCode, code);
        }
        checkParent(code, parentCode);
        if (parentIsOwnSubaccount) {
            throw new InvalidAccountException("code", "account.sub.of-sub", code, parentCode, grandParentCode);
        }
    }

    /**
     * Where a new code may sit in the chart: a subaccount (more than {@value #ACCOUNT_LENGTH} digits) extends an
     * account of the chart, never a group or a subgroup directly; 9990001 cannot hang from 99 when 99 has no account
     * 999. A three-digit code may still be added as a new account of its subgroup. The one rule for the API, the portal
     * and the chart-subaccount import.
     *
     * @param parentCode
     *            the longest code of the chart that begins {@code code}
     *
     * @throws SubaccountUnderSubgroupException
     *             if a subaccount would extend a group or a subgroup
     */
    public static void checkParent(String code, String parentCode) {
        if (code.length() > ACCOUNT_LENGTH && parentCode.length() < ACCOUNT_LENGTH) {
            throw new SubaccountUnderSubgroupException(code, parentCode);
        }
    }

    /**
     * The name one of the organisation's own subaccounts takes when renamed; the chart's accounts keep the names the
     * plan gives them.
     *
     * @return the new name, stripped
     *
     * @throws InvalidAccountException
     *             if this is an account of the chart's template, or the name is empty or too long
     */
    public String renamed(String newName) {
        requireOwnSubaccount();
        return checkName(newName);
    }

    /**
     * @throws InvalidAccountException
     *             if this is an account of the chart's template: only the organisation's own subaccounts are renamed or
     *             deleted
     */
    public void requireOwnSubaccount() {
        if (fromTemplate) {
            throw new InvalidAccountException("code", "account.template", code);
        }
    }

    /**
     * @return the code, stripped, if it is 1 to {@value #MAX_CODE_LENGTH} digits and does not start with 0
     *
     * @throws InvalidAccountException
     *             otherwise, saying which rule it breaks
     */
    public static String checkCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidAccountException("code", "account.code.empty");
        }
        String stripped = code.strip();
        if (!stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidAccountException("code", "account.code.digits", stripped);
        }
        if (stripped.length() > MAX_CODE_LENGTH) {
            throw new AccountCodeTooLongException(stripped, MAX_CODE_LENGTH);
        }
        if (stripped.charAt(0) == '0') {
            throw new InvalidAccountException("code", "account.code.zero", stripped);
        }
        return stripped;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidAccountException("name", "account.name.empty");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidAccountException("name", "account.name.long", stripped.length(), MAX_NAME_LENGTH);
        }
        return stripped;
    }

    /** The group of a valid code: its first digit. */
    public static int groupOf(String code) {
        return code.charAt(0) - '0';
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getGroup() {
        return group;
    }

    public Nature getNature() {
        return nature;
    }

    public AccountKind getKind() {
        return kind;
    }

    public String getParentCode() {
        return parentCode;
    }

    public boolean isFromTemplate() {
        return fromTemplate;
    }

    public int getVersion() {
        return version;
    }
}
