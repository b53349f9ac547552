package org.convene.communities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.search.Hit;
import org.convene.search.Search;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.Test;

/**
 * A discussion with more posts than one page (issue 6's benchmark has discussions of 5,000):
 * pages of 50, oldest first, in the page and the API, a reply taking its author to the page it is
 * on; and the site search finding discussions by their most recent matching post, also when the
 * latest matches all fall in one long discussion.
 */
class LongDiscussionTest {
    @Test
    void aLongDiscussionIsReadInPagesAndFoundBySearch() throws Exception {
        try (TestApp app = TestApp.start()) {
            long ann = app.person("Ann Convenor", "ann@long.example", "housing", Role.PARTICIPANT).id();
            String token = app.token("ann@long.example");
            Communities communities = new Communities(app.jdbi());
            Discussions discussions = new Discussions(app.jdbi());
            Community c = communities.create(new CommunityInput("Damp homes", "Mould makes people ill", "", null, Community.OPEN)
                    .validated(List.of()), ann, null);
            Discussion older = discussions.start(c.id(), ann, new PostInput("Ventilation grants", "A grant for extractor fans").validated(true));
            discussions.reply(older.id(), ann, new PostInput(null, "Mould came back after the grant ran out").validated(false));
            Discussion titled = discussions.start(c.id(), ann, new PostInput("Mould in tower blocks", "Nothing else here").validated(true));
            Discussion longOne = discussions.start(c.id(), ann, new PostInput("Winter visits", "Post 1").validated(true));
            for (int i = 2; i <= 219; i++) {
                discussions.reply(longOne.id(), ann, new PostInput(null, "Post " + i + ": mould again on the landing").validated(false));
            }

            WebClient web = app.client();
            web.signIn("ann@long.example", TestApp.PASSWORD);
            String first = web.get("/discussions/" + longOne.id()).body();
            assertThat(count(first, "class=\"convene-post\"")).isEqualTo(Discussions.POSTS_PAGE);
            assertThat(first).contains("Post 1<").contains("Post 50:").doesNotContain("Post 51:")
                    .contains("219 posts: page 1 of 5").contains("?page=5\">The latest posts</a>");
            String last = web.get("/discussions/" + longOne.id() + "?page=5").body();
            assertThat(count(last, "class=\"convene-post\"")).isEqualTo(19);
            assertThat(last).contains("Post 201:").contains("Post 219:").doesNotContain("The latest posts");
            assertThat(web.get("/discussions/" + longOne.id() + "?page=6").statusCode()).isEqualTo(400);
            HttpResponse<String> replied = web.post("/discussions/" + longOne.id() + "/posts", Map.of("body", "Post 220"));
            assertThat(replied.statusCode()).isEqualTo(302);
            assertThat(replied.headers().firstValue("Location").orElseThrow()).matches("/discussions/" + longOne.id() + "\\?page=5#post-\\d+");

            JsonNode page2 = WebClient.json(WebClient.api(app, "GET", "/api/v1/discussions/" + longOne.id() + "?page=2", token, null), 200);
            assertThat(page2.get("posts")).hasSize(50);
            assertThat(page2.get("posts").get(0).get("body").asText()).startsWith("Post 51:");
            assertThat(page2.get("discussion").get("posts").asInt()).isEqualTo(220);
            assertThat(WebClient.api(app, "GET", "/api/v1/discussions/" + longOne.id() + "?page=0", token, null).statusCode()).isEqualTo(400);

            // The 200 latest posts about mould are all in the long discussion: the others are still found,
            // the latest match first (the long one, then the title match, then the older post).
            app.jdbi().useHandle(h -> {
                h.execute("UPDATE posts SET created_at = now() - interval '2 days' WHERE thread_id = " + older.id());
                h.execute("UPDATE threads SET last_post_at = now() - interval '1 day' WHERE id = " + titled.id());
                h.execute("UPDATE posts SET created_at = now() - interval '1 day' WHERE thread_id = " + titled.id());
            });
            Search search = new Search(app.jdbi(), new org.convene.people.People(app.jdbi(), org.convene.db.ChangeFeed.polling(app.jdbi())));
            var viewer = new org.convene.accounts.Viewer(1, "ann@long.example", java.util.Set.of(Role.PARTICIPANT), ann);
            List<Hit> found = search.search("mould", viewer).get("discussions");
            assertThat(found).extracting(Hit::id).containsExactly(longOne.id(), titled.id(), older.id());
            assertThat(search.search("extractor", viewer).get("discussions")).extracting(Hit::id).containsExactly(older.id());
            assertThat(search.search("xylophone", viewer)).doesNotContainKey("discussions");
        }
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
