package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sharing by e-mail address never tells the owner whether the address has an account: an address
 * without one becomes an invitation that turns into a share when the account is created.
 */
abstract class ShareInvitationsContract extends CollectionWriting {

    long collection;
    String adminToken;

    @BeforeEach
    void privateCollection() {
        collection = createdId(create(aliceToken, "{\"name\": \"Plans\"}"));
        adminToken = fixtures.token(fixtures.user("Admin"), EnumSet.of(Scope.ADMIN));
    }

    String shares() {
        return PATH + "/" + collection + "/shares";
    }

    ApiResponse share(String email, String level) {
        return api.post(shares(), aliceToken, "{\"email\": \"" + email + "\", \"level\": \"" + level + "\"}");
    }

    @Test
    void anAddressWithAnAccountAndOneWithoutAnswerAlike() {
        ApiResponse known = share(bob.email(), "view");
        ApiResponse unknown = share("nobody.yet@example.com", "view");

        assertThat(known.status()).as(known.body()).isEqualTo(201);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(201);
        assertThat(fieldNames(known.json().get("data")))
                .isEqualTo(fieldNames(unknown.json().get("data")));
        assertThat(share(bob.email(), "edit").status()).isEqualTo(200);
        assertThat(share("nobody.yet@example.com", "edit").status()).isEqualTo(200);
        JsonNode listed = api.get(shares(), aliceToken).json().get("data");
        assertThat(listed).hasSize(2);
        assertThat(fieldNames(listed.get(0))).isEqualTo(fieldNames(listed.get(1)));
        assertThat(listed.findValues("email"))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(bob.email().toLowerCase(), "nobody.yet@example.com");
        assertThat(listed.findValues("level")).extracting(JsonNode::asString).containsOnly("edit");
    }

    @Test
    void anInvitationBecomesAShareWhenTheAccountIsCreatedWithoutTheOwnerSeeingIt() {
        assertThat(share("Dora@Example.com", "edit").status()).isEqualTo(201);
        String listedBefore = api.get(shares(), aliceToken).body();
        String updatedBefore = updatedAt();

        ApiResponse created =
                api.post("/api/v2/users", adminToken, "{\"name\": \"Dora\", \"email\": \"dora@EXAMPLE.com\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get(shares(), aliceToken).body()).isEqualTo(listedBefore);
        assertThat(updatedAt()).isEqualTo(updatedBefore);
        String doraToken = fixtures.token(
                fixtures.userById(created.json().get("data").get("id").asLong()), Fixtures.READ_WRITE);

        assertThat(ids(list(doraToken, "filter[share_level]", "edit"))).containsExactly(collection);
        assertThat(api.patch(PATH + "/" + collection, doraToken, "{\"name\": \"Dora's plans\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(shares() + "/dora@example.com", aliceToken, "{\"level\": \"view\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(PATH + "/" + collection, doraToken, "{\"name\": \"Again\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anInvitationIsChangedAndWithdrawnByItsAddress() {
        share("erin@example.com", "view");

        ApiResponse changed = api.patch(shares() + "/ERIN@example.com", aliceToken, "{\"level\": \"edit\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("data").get("level").asString()).isEqualTo("edit");
        assertThat(api.delete(shares() + "/erin@example.com", aliceToken).status())
                .isEqualTo(204);
        assertThat(api.get(shares(), aliceToken).json().get("data")).isEmpty();
        assertThat(api.patch(shares() + "/erin@example.com", aliceToken, "{\"level\": \"edit\"}")
                        .status())
                .isEqualTo(404);

        String erinToken = fixtures.token(fixtures.user("Erin", "erin@example.com"), Fixtures.READ_WRITE);
        assertThat(ids(list(erinToken))).doesNotContain(collection);
        assertThat(api.patch(shares() + "/not-an-address", aliceToken, "{\"level\": \"edit\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aDeletedCollectionLeavesNoInvitationBehind() {
        share("finn@example.com", "view");
        assertThat(api.delete(PATH + "/" + collection, aliceToken).status()).isEqualTo(204);

        String finnToken = fixtures.token(fixtures.user("Finn", "finn@example.com"), Fixtures.READ_WRITE);

        assertThat(ids(list(finnToken))).isEmpty();
    }

    @Test
    void theOwnersOwnAddressAndUnknownUserIdsAreRefused() {
        assertThat(share(alice.email(), "view").status()).isEqualTo(422);
        ApiResponse unknownId = api.post(shares(), aliceToken, "{\"user_id\": 987654}");
        assertThat(unknownId.status()).isEqualTo(422);
        assertThat(api.get(shares(), aliceToken).json().get("data")).isEmpty();
    }

    private String updatedAt() {
        return item(aliceToken, collection).json().get("data").get("updated_at").asString();
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }
}
