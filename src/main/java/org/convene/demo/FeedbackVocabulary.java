package org.convene.demo;

import java.util.List;

/**
 * Module-feedback comments for the demo programme, in the voice of the seed quotes: what went
 * well, what would make it even better, and what difference the programme made. Written for
 * Convene's demo; the placeholder {topic} is replaced by the module's topic.
 */
final class FeedbackVocabulary {
    private FeedbackVocabulary() {
    }

    static final List<String> WENT_WELL = List.of(
            "Really enjoyed the group work and hearing how other teams approach the same problems.",
            "Meeting people from housing and social care I would never normally speak to.",
            "The facilitators were warm and kept us on track without rushing us.",
            "Practising {topic} in threes made it feel real rather than theory.",
            "Great to have time away from the ward to think properly.",
            "Informative, kind and inspiring. I came away with ideas I can use on Monday.",
            "The case studies were spot on for mental health services.",
            "Loved the mix of disciplines in my table group.",
            "Clear explanation of {topic} with plenty of examples.",
            "Having space to talk honestly about what is hard right now.",
            "The recap of the models at the start helped me join the dots.",
            "Working on a real problem from my own service with peers.",
            "Good balance of input and discussion.",
            "Networking over lunch was as useful as the sessions.",
            "Very practical. I have already used the questions with my team.",
            "The speaker from the voluntary sector gave a perspective I had not considered.",
            "Feeling part of a cohort, not just a course.",
            "Being face to face again made a big difference.");

    static final List<String> EVEN_BETTER_IF = List.of(
            "More time for the group exercises, they were cut short.",
            "The venue was difficult to get to from the east of the county.",
            "Too many acronyms in the morning session.",
            "Far too much content for one day; it felt rushed after lunch.",
            "Good speakers, but far too little time to discuss.",
            "The room was cold and it was hard to hear at the back.",
            "Send the slides beforehand so we can prepare.",
            "Less lecturing and more time working in groups.",
            "Would have liked more examples from primary care.",
            "The afternoon dragged a bit.",
            "Start a little later, the parking fills up early.",
            "Some of the exercises were repetitive.",
            "A shorter day would make it easier to get cover.",
            "More on how to apply {topic} when there is no time or money.");

    static final List<String> DIFFERENCE = List.of(
            "I now pick up the phone to colleagues in social care instead of emailing.",
            "I am using coaching conversations in supervision and my team notices.",
            "Our action learning set is carrying on after the programme.",
            "I feel more confident challenging in meetings.",
            "I understand how the wider system fits together and who to ask.",
            "I have a network I can call on when things get hard.",
            "We started a joint project on discharge with the local authority.",
            "It has changed how I run team meetings.",
            "Honestly not much has changed yet, the pressures at work are too great.",
            "Some useful ideas, but it is hard to find time to use them.");
}
