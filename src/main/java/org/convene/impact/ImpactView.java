package org.convene.impact;

import java.util.Map;
import org.convene.web.Html;

/**
 * The dashboard as shown: its figures, their charts as SVG, and where its links point. On the page
 * links are relative; in a downloaded file they are absolute, to this installation's address.
 */
public record ImpactView(ImpactFigures figures, Map<String, String> charts, String linkBase, boolean print) {

    /** The list behind a figure, narrowed by {@code only} (null for all of it). */
    public String href(Figure figure, String only) {
        return linkBase + "/impact/" + figure.code() + "?" + figures.query().queryString()
                + (only == null ? "" : "&only=" + Html.url(only));
    }

    public String href(Figure figure) {
        return href(figure, null);
    }

    public String chart(String name) {
        return charts.get(name);
    }

    /** The query string of this scope and period, for the download links. */
    public String query() {
        return figures.query().queryString();
    }
}
