package org.convene.relationships;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sources of ties Convene records, with the names people read; a source not listed shows its code. */
public final class TieSources {
    public static final Map<String, String> LABELS = labels();

    private TieSources() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("self_reported", "Self-reported");
        m.put("matching", "Matches that met");
        m.put("learning_set", "Action learning sets");
        m.put("leader_cluster", "Leader clusters");
        m.put("project", "Project teams");
        m.put("event", "Events organised together");
        m.put("idea", "Ideas written together");
        m.put("survey", "Survey: new connections");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static String label(String code) {
        return LABELS.getOrDefault(code, code.replace('_', ' '));
    }
}
