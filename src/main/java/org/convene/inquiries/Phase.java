package org.convene.inquiries;

/** One of the four phases of an Appreciative Inquiry session: the prompts planned and what the group produced. */
public record Phase(String prompts, String produced) {
    /** The phases in the order a session runs them, with what each is for. */
    public enum Name {
        DISCOVER("discover", "Discover", "Appreciate the best of what is: stories of times it worked"),
        DREAM("dream", "Dream", "Imagine what could be, built on those stories"),
        DESIGN("design", "Design", "Say how things will be: bold statements in the present tense"),
        DELIVER("deliver", "Deliver", "Decide what each person will do, and how to keep it going");

        private final String code;
        private final String label;
        private final String purpose;

        Name(String code, String label, String purpose) {
            this.code = code;
            this.label = label;
            this.purpose = purpose;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public String purpose() {
            return purpose;
        }

        /** The prompts a new plan starts from; the facilitator rewrites them for the group and topic. */
        public String defaultPrompts() {
            return switch (this) {
                case DISCOVER -> """
                        In pairs, tell a story of a time when working on this topic went really well for you. What happened? Who was involved?
                        What made it possible: in you, in the people around you, in the way the work was organised?
                        What do you value most about the people on the other side of the boundary you work across?""";
                case DREAM -> """
                        It is three years from now and this is working as well as it ever could. What do patients, families and staff notice? What are they saying?
                        What would we see in the services, between the organisations, in the place?
                        Each group draws or writes its picture of that future and shares it.""";
                case DESIGN -> """
                        From the stories and the dream, write three to five statements of how things are when they are at their best, in the present tense ("Discharge is planned with housing from the day of admission").
                        What relationships, structures and ways of working make each statement true?
                        Which of them do we already have somewhere, and who holds it?""";
                case DELIVER -> """
                        What will each of us do, starting this week? Who else do we need to involve?
                        How will we know it is working, and when will we look again?
                        What will we stop doing to make room for it?""";
            };
        }
    }
}
