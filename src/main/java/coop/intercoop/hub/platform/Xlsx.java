package coop.intercoop.hub.platform;

/**
 * How a workbook leaves the hub, by the API or the portal alike: its media type and the Content-Disposition that names
 * the file.
 */
public final class Xlsx {

    /** The media type of an Office Open XML workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /**
     * The Content-Disposition of a download named {@code <name>.xlsx}, with a name any browser and file system take.
     */
    public static String attachment(String name) {
        return "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx\"";
    }
}
