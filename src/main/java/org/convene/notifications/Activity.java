package org.convene.notifications;

import org.convene.text.Markdown;

/**
 * Something that happened which people may want to hear about: a discussion started, a reply, an
 * event or an idea. It names what it is about (and the community, if any), who did it, and a title
 * and a short plain-text summary for notifications and digests.
 */
public record Activity(Kind kind, Long communityId, Long threadId, Long postId, Long eventId, Long ideaId, Long actorId,
                       String title, String summary) {
    /** How long a summary may be, in characters. */
    public static final int SUMMARY = 240;

    public enum Kind {
        DISCUSSION("discussion"), REPLY("reply"), EVENT("event"), IDEA("idea");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown activity kind " + code);
        }
    }

    public static Activity discussion(long community, long thread, long post, long actor, String title, String body) {
        return new Activity(Kind.DISCUSSION, community, thread, post, null, null, actor, title, Markdown.toText(body, SUMMARY));
    }

    public static Activity reply(long community, long thread, long post, long actor, String threadTitle, String body) {
        return new Activity(Kind.REPLY, community, thread, post, null, null, actor, threadTitle, Markdown.toText(body, SUMMARY));
    }

    public static Activity event(Long community, long event, Long actor, String title, String description) {
        return new Activity(Kind.EVENT, community, null, null, event, null, actor, title, Markdown.toText(description, SUMMARY));
    }

    public static Activity idea(Long community, long idea, Long actor, String title, String description) {
        return new Activity(Kind.IDEA, community, null, null, null, idea, actor, title, Markdown.toText(description, SUMMARY));
    }

    /** Where the activity is seen, relative to the site. */
    public static String path(String kind, Long thread, Long post, Long event, Long idea) {
        return switch (Kind.of(kind)) {
            case DISCUSSION -> "/discussions/" + thread;
            case REPLY -> "/posts/" + post;
            case EVENT -> "/events/" + event;
            case IDEA -> "/ideas/" + idea;
        };
    }
}
