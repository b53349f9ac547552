package org.convene.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.errors.ValidationException;

/**
 * What a person chooses to hear: a digest (off, daily or weekly) of what they have not read or
 * been emailed, whether mentions and replies are emailed at once, and a level per community.
 */
public record Settings(String digest, boolean instant, List<CommunityLevel> communities) {
    public static final String OFF = "off";
    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    static final List<String> DIGESTS = List.of(OFF, DAILY, WEEKLY);

    /** What the person hears of one of their communities: all, highlights, mentions or off. */
    public record CommunityLevel(long communityId, String name, String level) {
    }

    /** Settings as given; {@code levels} maps community ids to levels, and may leave communities out. */
    public record Input(String digest, Boolean instant, Map<Long, String> levels) {
        public record Valid(String digest, boolean instant, Map<Long, String> levels) {
        }

        public Valid validated() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (digest == null || !DIGESTS.contains(digest)) {
                errors.put("digest", "Choose off, daily or weekly");
            }
            Map<Long, String> checked = new LinkedHashMap<>();
            if (levels != null) {
                levels.forEach((community, level) -> {
                    if (level == null || !Notifications.LEVELS.contains(level)) {
                        errors.put("level-" + community, "Choose all, highlights, mentions or off");
                    } else {
                        checked.put(community, level);
                    }
                });
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("Check your notification settings", errors);
            }
            return new Valid(digest, instant == null || instant, checked);
        }

        /** A community level, checked on its own. */
        static String level(String level, String field) {
            if (level == null || !Notifications.LEVELS.contains(level)) {
                throw new ValidationException("Unknown level", Map.of(field, "Choose all, highlights, mentions or off"));
            }
            return level;
        }
    }
}
