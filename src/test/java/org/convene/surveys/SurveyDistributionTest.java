package org.convene.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.errors.ConflictException;
import org.convene.mail.OutboxDelivery;
import org.convene.mail.SmtpMailSender;
import org.convene.people.Person;
import org.convene.programmes.CohortInput;
import org.convene.programmes.Enrolments;
import org.convene.programmes.Module;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.ProgrammeInput;
import org.convene.programmes.Programmes;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A module's feedback survey opens by itself when the module ends, invites the people who came by
 * real SMTP with a personal link, reminds those who have not answered, closes on time, and takes
 * each person's answers exactly once however often they are sent.
 */
@Tag("db")
class SurveyDistributionTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("https://convene\\.test/s/([0-9]+-[A-Za-z0-9_-]+)");

    private TestApp app;
    private Distribution distribution;
    private OutboxDelivery delivery;
    private SurveyLinks links;
    private final List<Person> people = new ArrayList<>();
    private long surveyId;

    @BeforeEach
    void cohortWithAModuleThatEndedAnHourAgo() {
        // The test runs distribution and delivery itself; the app's own jobs would race it for the same rows.
        app = TestApp.startWithoutJobs();
        for (int i = 0; i < 6; i++) {
            people.add(app.person("Invitee " + i, "invitee" + i + "@test.example", "primary", Role.PARTICIPANT));
        }
        links = new SurveyLinks(app.jdbi());
        distribution = new Distribution(app.jdbi(), links, "https://convene.test");
        delivery = new OutboxDelivery(app.jdbi(), new SmtpMailSender(new Config.Smtp("localhost", SMTP.getSmtp().getPort(), "", "",
                "Convene <no-reply@test.example>", false)));
        Programmes programmes = new Programmes(app.jdbi());
        var programme = programmes.create(new ProgrammeInput("Distribution test", "").validated(), null);
        var cohort = programmes.createCohort(programme.id(), new CohortInput("C1", null, null, true).validated());
        new Enrolments(app.jdbi()).enrol(cohort.id(), people.stream().map(Person::id).toList());
        LocalDate today = LocalDate.now(ModuleInput.ZONE);
        java.time.LocalTime now = java.time.LocalTime.now(ModuleInput.ZONE);
        // A module from two hours ago to one hour ago (or yesterday, just after midnight).
        String date = now.getHour() >= 2 ? today.toString() : today.minusDays(1).toString();
        String start = now.getHour() >= 2 ? now.minusHours(2).withSecond(0).withNano(0).toString().substring(0, 5) : "20:00";
        String end = now.getHour() >= 2 ? now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 5) : "21:00";
        Module module = programmes.createModule(cohort.id(), new ModuleInput("Feedback module", "", date, start, end, "", false, false,
                true, List.of()).validated());
        surveyId = new Surveys(app.jdbi()).list(cohort.id()).stream().filter(s -> module.id() == s.moduleId()).findFirst().orElseThrow().id();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theSurveyOpensByItselfAndEveryInvitationReachesTheMailServerWithAWorkingLink() throws Exception {
        assertThat(distribution.run()).as("invitations queued").isEqualTo(6);
        assertThat(distribution.run()).as("nothing twice").isZero();
        assertThat(delivery.deliverDue(100)).isEqualTo(6);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(6);
        assertThat(received[0].getSubject()).isEqualTo("Feedback on module 1: Feedback module");
        String body = GreenMailUtil.getBody(received[0]).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        assertThat(links.invitation(m.group(1))).isPresent();
        assertThat(body).contains("anonymous");
    }

    @Test
    void someoneEnrolledAfterTheSurveyOpenedIsInvitedToo() {
        assertThat(distribution.run()).isEqualTo(6);
        Person late = app.person("Late Joiner", "late@test.example", "housing", Role.PARTICIPANT);
        long cohortId = new Surveys(app.jdbi()).get(surveyId).cohortId();
        new Enrolments(app.jdbi()).enrol(cohortId, List.of(late.id()));
        assertThat(distribution.run()).as("the late joiner only").isEqualTo(1);
        assertThat(distribution.run()).isZero();
        assertThat(new Responses(app.jdbi()).invitationFor(surveyId, late.id())).isPresent();
        delivery.deliverDue(100);
        assertThat(SMTP.getReceivedMessages()).anySatisfy(m -> assertThat(GreenMailUtil.getAddressList(m.getAllRecipients()))
                .contains("late@test.example"));
    }

    @Test
    void peopleWhoHaveNotAnsweredAreRemindedAtTheIntervalUpToTheLimit() {
        distribution.run();
        delivery.deliverDue(100);
        Responses responses = new Responses(app.jdbi());
        submit(responses, people.get(0).id());
        assertThat(distribution.remindDue()).as("too soon").isZero();

        ageEmails(4);
        assertThat(distribution.remindDue()).as("five who have not answered").isEqualTo(5);
        assertThat(delivery.deliverDue(100)).isEqualTo(5);
        assertThat(SMTP.getReceivedMessages()).filteredOn(this::isReminder).hasSize(5)
                .noneSatisfy(msg -> assertThat(GreenMailUtil.getAddressList(msg.getAllRecipients())).contains("invitee0@test.example"));

        ageEmails(4);
        assertThat(distribution.remindDue()).as("second and last reminder").isEqualTo(5);
        ageEmails(4);
        assertThat(distribution.remindDue()).as("the survey's limit is two").isZero();
    }

    @Test
    void aSurveyClosesOnTimeAndThenRefusesAnswers() {
        distribution.run();
        app.jdbi().useHandle(h -> h.createUpdate("UPDATE surveys SET closes_at = now() - interval '1 minute' WHERE id = :s")
                .bind("s", surveyId).execute());
        assertThat(distribution.closeDue()).isEqualTo(1);
        Responses responses = new Responses(app.jdbi());
        long invitation = responses.invitationFor(surveyId, people.get(1).id()).orElseThrow().id();
        assertThatThrownBy(() -> responses.save(invitation, Map.of(), false, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
        assertThat(count("SELECT count(*) FROM survey_responses")).isZero();
    }

    @Test
    void sendingTheSameAnswersManyTimesAtOnceStoresOneResponse() throws Exception {
        distribution.run();
        Responses responses = new Responses(app.jdbi());
        long invitation = responses.invitationFor(surveyId, people.get(2).id()).orElseThrow().id();
        Map<Long, Responses.Answer> answers = fullAnswers();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                go.await();
                outcomes.add(responses.save(invitation, answers, true, null));
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(threads);
        assertThat(Collections.frequency(new ArrayList<>(outcomes), Responses.Outcome.SUBMITTED)).isEqualTo(1);
        assertThat(Collections.frequency(new ArrayList<>(outcomes), Responses.Outcome.ALREADY_SUBMITTED)).isEqualTo(threads - 1);
        assertThat(count("SELECT count(*) FROM survey_responses")).isEqualTo(1);
        long given = answers.values().stream().filter(a -> a.number() != null || !a.choices().isEmpty() || !a.text().isBlank()).count();
        assertThat(count("SELECT count(*) FROM survey_answers")).as("blank answers are not stored").isEqualTo(given);
    }

    @Test
    void anAnswerThatFailsHalfwayLeavesTheSavedDraftAsItWas() {
        distribution.run();
        Responses responses = new Responses(app.jdbi());
        long invitation = responses.invitationFor(surveyId, people.get(3).id()).orElseThrow().id();
        Map<Long, Responses.Answer> answers = fullAnswers();
        assertThat(responses.save(invitation, answers, false, null)).isEqualTo(Responses.Outcome.SAVED);
        Map<Long, Responses.Answer> bad = new LinkedHashMap<>(answers);
        long likert = questions().stream().filter(q -> q.kind() == QuestionKind.LIKERT).findFirst().orElseThrow().id();
        bad.put(likert, new Responses.Answer(likert, 7, null, List.of(), "", List.of()));
        assertThatThrownBy(() -> responses.save(invitation, bad, true, null)).isInstanceOf(org.convene.errors.ValidationException.class);
        Responses.Draft draft = responses.draft(invitation);
        assertThat(draft.submitted()).isFalse();
        assertThat(draft.answer(likert).number()).isEqualTo(4);
    }

    private List<Question> questions() {
        return new Surveys(app.jdbi()).questions(surveyId);
    }

    private Map<Long, Responses.Answer> fullAnswers() {
        Map<Long, Responses.Answer> answers = new LinkedHashMap<>();
        for (Question q : questions()) {
            answers.put(q.id(), switch (q.kind()) {
                case LIKERT -> new Responses.Answer(q.id(), 4, null, List.of(), "", List.of());
                case RATING -> new Responses.Answer(q.id(), 9, null, List.of(), "", List.of());
                case SINGLE -> new Responses.Answer(q.id(), null, null, List.of(q.options().get(1)), "", List.of());
                case TEXT -> new Responses.Answer(q.id(), null, null, List.of(), "Useful day", List.of());
                default -> Responses.Answer.empty(q.id());
            });
        }
        return answers;
    }

    private void submit(Responses responses, long personId) {
        long invitation = responses.invitationFor(surveyId, personId).orElseThrow().id();
        assertThat(responses.save(invitation, fullAnswers(), true, null)).isEqualTo(Responses.Outcome.SUBMITTED);
    }

    private void ageEmails(int days) {
        app.jdbi().useHandle(h -> h.createUpdate("UPDATE survey_invitations SET last_emailed_at = last_emailed_at - make_interval(days => :d)")
                .bind("d", days).execute());
    }

    private boolean isReminder(MimeMessage m) {
        try {
            return m.getSubject().startsWith("Reminder:");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
