package org.convene.surveys;

import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;

/**
 * Who may run a survey. A cohort's surveys belong to the programme team: the team reads them
 * (the builder, the results) and programme leads change them, as before. An event's follow-up
 * belongs to the people who run the event (its host and co-hosts, the community's convenors,
 * administrators; the programme team for a system-wide event), who both read and change it; to
 * anyone who cannot see the event it does not exist. The survey routes let every signed-in
 * account through, and every handler asks here first.
 */
public final class SurveyAccess {
    /** The events side: throws (not found, or forbidden) unless the viewer runs the event. */
    @FunctionalInterface
    public interface EventRunners {
        void requireRuns(Viewer viewer, long eventId);
    }

    private static final String REFUSED = "Your account does not have permission to do this";

    private final Surveys surveys;
    private final EventRunners events;

    public SurveyAccess(Surveys surveys, EventRunners events) {
        this.surveys = surveys;
        this.events = events;
    }

    /** The survey, if the viewer may see its builder, status and results. */
    public Survey read(Viewer viewer, long surveyId) {
        Survey survey = surveys.get(surveyId);
        if (survey.forEvent()) {
            events.requireRuns(viewer, survey.eventId());
        } else if (!viewer.inProgrammeTeam()) {
            throw new ForbiddenException(REFUSED);
        }
        return survey;
    }

    /** The survey, if the viewer may change it (its items, schedule, opening and closing). */
    public Survey manage(Viewer viewer, long surveyId) {
        Survey survey = surveys.get(surveyId);
        if (survey.forEvent()) {
            events.requireRuns(viewer, survey.eventId());
        } else if (!viewer.leadsProgrammes()) {
            throw new ForbiddenException(REFUSED);
        }
        return survey;
    }

    /**
     * Whether the viewer may change a survey they may read (for showing or hiding the builder's
     * controls): programme leads for a cohort's; for an event's, everyone who may read it.
     */
    public boolean manages(Viewer viewer, Survey survey) {
        return survey.forEvent() || viewer.leadsProgrammes();
    }

    /** The question, if the viewer may change its survey. */
    public Question manageQuestion(Viewer viewer, long questionId) {
        Question q = surveys.question(questionId);
        manage(viewer, q.surveyId());
        return q;
    }
}
