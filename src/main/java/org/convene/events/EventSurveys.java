package org.convene.events;

import java.util.Optional;
import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.surveys.Survey;
import org.convene.surveys.SurveyAccess;
import org.convene.surveys.Surveys;
import org.convene.surveys.SurveysApi;

/**
 * An event's follow-up survey, in the survey engine: the people who run the event attach it (from
 * the engine's event template), edit it with the engine's builder until it opens, and read its
 * results on the engine's results page; the engine's distribution job opens it when the event
 * ends and sends each attendee one personal link. This class is also how the engine asks whether
 * someone runs an event.
 */
public final class EventSurveys implements SurveyAccess.EventRunners {
    private final EventAccess access;
    private final Surveys surveys;

    public EventSurveys(Events events, Communities communities, Surveys surveys) {
        this.access = new EventAccess(events, communities);
        this.surveys = surveys;
    }

    @Override
    public void requireRuns(Viewer viewer, long eventId) {
        access.run(viewer, eventId);
    }

    /** The event's follow-up, if it has one. */
    public Optional<Survey> of(long eventId) {
        return surveys.forEvent(eventId);
    }

    /** Adds the event's follow-up survey (anonymous unless said otherwise); the viewer must run the event. */
    Survey attach(Viewer viewer, long eventId, String title, Boolean anonymous) {
        Event e = access.run(viewer, eventId);
        return surveys.createForEvent(e.id(), e.title(), e.endsAt(), title, anonymous == null || anonymous);
    }

    SurveysApi.SurveyDetail detail(Survey survey) {
        return new SurveysApi.SurveyDetail(survey, surveys.questions(survey.id()));
    }
}
