package org.convene.hostile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The forms on a page, as a browser would submit them. */
final class Forms {

    /** One field: its name, its kind, what it holds now, and for choices the values on offer. */
    record Field(String name, String type, String value, List<String> options) {
        boolean choice() {
            return type.equals("select") || type.equals("radio") || type.equals("checkbox");
        }

        boolean file() {
            return type.equals("file");
        }

        /** Text a person types (and hidden values, which a hostile client types too). */
        boolean text() {
            return !choice() && !file() && !type.equals("submit");
        }
    }

    /** A form: where it posts, how it encodes, its fields in order; and which page showed it. */
    record Form(String page, String action, String method, boolean multipart, List<Field> fields) {
        String csrf() {
            return fields.stream().filter(f -> f.name().equals("_csrf")).map(Field::value).findFirst().orElse("");
        }
    }

    private Forms() {
    }

    /** Every form on this page. */
    static List<Form> on(String page, String html) {
        List<Form> forms = new ArrayList<>();
        for (Element form : Jsoup.parse(html).select("form")) {
            String action = form.hasAttr("action") ? form.attr("action") : page;
            if (action.isEmpty()) {
                action = page;
            }
            if (action.startsWith("http")) {
                action = URI.create(action).getRawPath();
            }
            String method = form.attr("method").isEmpty() ? "get" : form.attr("method").toLowerCase(Locale.ROOT);
            boolean multipart = form.attr("enctype").toLowerCase(Locale.ROOT).contains("multipart");
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Element e : form.select("input[name], select[name], textarea[name], button[name]")) {
                String name = e.attr("name");
                String tag = e.tagName();
                if (tag.equals("select")) {
                    List<String> options = e.select("option").eachAttr("value");
                    Element chosen = e.selectFirst("option[selected]");
                    String value = chosen != null ? chosen.attr("value") : options.isEmpty() ? "" : options.get(0);
                    fields.putIfAbsent(name, new Field(name, "select", value, options));
                } else if (tag.equals("textarea")) {
                    fields.putIfAbsent(name, new Field(name, "textarea", e.text(), List.of()));
                } else if (tag.equals("button")) {
                    fields.putIfAbsent(name, new Field(name, "submit", e.attr("value"), List.of()));
                } else {
                    String type = e.attr("type").isEmpty() ? "text" : e.attr("type").toLowerCase(Locale.ROOT);
                    if (type.equals("radio") || type.equals("checkbox")) {
                        Field known = fields.get(name);
                        List<String> options = new ArrayList<>(known == null ? List.of() : known.options());
                        options.add(e.attr("value"));
                        String value = known == null ? "" : known.value();
                        if (e.hasAttr("checked") && value.isEmpty()) {
                            value = e.attr("value");
                        }
                        fields.put(name, new Field(name, type, value, options));
                    } else if (type.equals("submit") || type.equals("image") || type.equals("reset")) {
                        fields.putIfAbsent(name, new Field(name, "submit", e.attr("value"), List.of()));
                    } else {
                        String mode = e.attr("inputmode");
                        if (type.equals("text") && (mode.equals("numeric") || mode.equals("decimal"))) {
                            type = "number";
                        }
                        fields.putIfAbsent(name, new Field(name, type, e.attr("value"), List.of()));
                    }
                }
            }
            forms.add(new Form(page, action, method, multipart, List.copyOf(fields.values())));
        }
        return forms;
    }
}
