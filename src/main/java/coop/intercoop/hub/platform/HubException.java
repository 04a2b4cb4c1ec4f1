package coop.intercoop.hub.platform;

import java.util.Locale;

/**
 * A refusal a person can act on. Each component names its own failures ({@code PeriodLockedException},
 * {@code InvalidTaxIdException}, ...) as subclasses; {@link Problems} maps them once to RFC 9457 problem details, the
 * portal puts them next to the field they name, and an import writes them on the row they concern.
 * <p>
 * A refusal is a key, the field it concerns and its arguments; its sentence is looked up in its component's
 * {@code refusals.properties} (English) and {@code refusals_es.properties} (Spanish), for instance
 * {@code coop/intercoop/hub/accounting/refusals.properties} for a refusal declared anywhere in the accounting
 * component, and written in each reader's language by {@link HubTexts}. {@link #getMessage()} is the English sentence,
 * for logs.
 */
public abstract class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String ROOT = "coop.intercoop.hub.";

    /** What kind of refusal this is; decides the HTTP status. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), THROTTLED(429);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String field;
    private final String key;
    private final transient Object[] arguments;
    private final String bundle;
    /** The other refusals of the same input, found along with this one ({@link Refusals}). */
    private transient java.util.List<HubException> others = java.util.List.of();

    /** A refusal whose sentence is the text {@code key} of the component's refusals, with its arguments. */
    protected HubException(Kind kind, String field, String key, Object[] arguments) {
        this.kind = kind;
        this.field = field;
        this.key = key;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
        this.bundle = null;
    }

    /** A refusal whose sentence is a text of any bundle, for a refusal several components raise with their words. */
    protected HubException(Kind kind, String field, HubTexts.Text text) {
        this.kind = kind;
        this.field = field;
        this.key = text.key();
        this.arguments = text.arguments().clone();
        this.bundle = text.bundle();
    }

    public Kind kind() {
        return kind;
    }

    /** How long until trying again makes sense, or null. */
    public java.time.Duration retryAfter() {
        return null;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }

    /**
     * This refusal and the others a {@link Refusals} collector found in the same input, in the order found: the API
     * lists them all, the portal puts each next to its field.
     */
    public java.util.List<HubException> all() {
        java.util.List<HubException> all = new java.util.ArrayList<>(1 + others.size());
        all.add(this);
        all.addAll(others);
        return all;
    }

    void alongWith(java.util.List<HubException> others) {
        this.others = java.util.List.copyOf(others);
    }

    /** The refusal's key in its component's refusals. */
    public String key() {
        return key;
    }

    /** The refusal in the given language (Spanish or English). */
    public String message(Locale language) {
        return HubTexts.format(bundle(), language, key, arguments == null ? new Object[0] : arguments);
    }

    /** The problem's title in the given language: by default the title of its HTTP status. */
    public String title(Locale language) {
        return Problems.titleOf(kind.status, language);
    }

    /** The refusal in English, for logs; a person reads {@link #message(Locale)} in their language. */
    @Override
    public String getMessage() {
        try {
            return message(Locale.ENGLISH);
        } catch (IllegalStateException noSuchText) { // a log line must not fail for it; RefusalKeysTest prevents it
            return key + " " + java.util.Arrays.toString(arguments);
        }
    }

    /** The bundle of the component the refusal belongs to: {@code coop.intercoop.hub.<component>.refusals}. */
    protected String bundle() {
        return bundle != null ? bundle : bundleOf(getClass());
    }

    static String bundleOf(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith(ROOT)) {
            throw new IllegalStateException(name + " is not a component's refusal");
        }
        int end = name.indexOf('.', ROOT.length());
        return ROOT + name.substring(ROOT.length(), end) + ".refusals";
    }
}
