package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.DataVersions;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A write invalidates only what it can change: the versions that other users' cached totals and
 * other collections' embedded assets are kept under stay as they were, and those the write can
 * change move in the same transaction.
 */
abstract class FinerInvalidationContract extends CollectionWriting {

    @Autowired
    private DataVersions versions;

    private User carol;
    private long alicePrivate;
    private long alicePublic;
    private long bobPrivate;
    private long logo;
    private long banner;

    @BeforeEach
    void world() {
        carol = fixtures.user("Carol");
        alicePrivate = createdId(create(aliceToken, "{\"name\": \"Alice private\"}"));
        alicePublic = createdId(create(aliceToken, "{\"name\": \"Alice public\", \"collection_type\": \"public\"}"));
        bobPrivate = createdId(create(bobToken, "{\"name\": \"Bob private\"}"));
        logo = asset(aliceToken, "Logo");
        banner = asset(bobToken, "Banner");
        ok(api.post(PATH + "/" + alicePrivate + "/assets", aliceToken, "{\"asset_ids\": [" + logo + "]}"));
        ok(api.post(PATH + "/" + bobPrivate + "/assets", bobToken, "{\"asset_ids\": [" + banner + "]}"));
    }

    @Test
    void renamingAPrivateCollectionLeavesWhatOtherUsersSeeAlone() {
        long bobBefore = versions.current(ChangeScope.collectionsVisibleTo(bob.id()));
        long aliceBefore = versions.current(ChangeScope.collectionsVisibleTo(alice.id()));

        ok(api.patch(PATH + "/" + alicePrivate, aliceToken, "{\"name\": \"Renamed\"}"));

        assertThat(versions.current(ChangeScope.collectionsVisibleTo(bob.id()))).isEqualTo(bobBefore);
        assertThat(versions.current(ChangeScope.collectionsVisibleTo(alice.id())))
                .isGreaterThan(aliceBefore);
    }

    @Test
    void changingAPublicCollectionReachesEveryone() {
        long bobBefore = versions.current(ChangeScope.collectionsVisibleTo(bob.id()));

        ok(api.patch(PATH + "/" + alicePublic, aliceToken, "{\"name\": \"Renamed\"}"));

        assertThat(versions.current(ChangeScope.collectionsVisibleTo(bob.id()))).isGreaterThan(bobBefore);
    }

    @Test
    void sharingReachesTheUserItNamesAndNoOneElse() {
        long bobBefore = versions.current(ChangeScope.collectionsVisibleTo(bob.id()));
        long carolBefore = versions.current(ChangeScope.collectionsVisibleTo(carol.id()));

        ok(api.post(PATH + "/" + alicePrivate + "/shares", aliceToken, "{\"user_id\": " + bob.id() + "}"));
        assertThat(versions.current(ChangeScope.collectionsVisibleTo(bob.id()))).isGreaterThan(bobBefore);
        long bobShared = versions.current(ChangeScope.collectionsVisibleTo(bob.id()));

        ok(api.patch(PATH + "/" + alicePrivate, aliceToken, "{\"name\": \"Renamed\"}"));

        assertThat(versions.current(ChangeScope.collectionsVisibleTo(bob.id())))
                .as("a shared collection's change reaches the user it is shared with")
                .isGreaterThan(bobShared);
        assertThat(versions.current(ChangeScope.collectionsVisibleTo(carol.id())))
                .isEqualTo(carolBefore);
    }

    @Test
    void anAssetWriteEmptiesOnlyTheEmbeddedAssetsOfCollectionsHoldingIt() {
        Map<ChangeScope, Long> before = members();

        ok(api.patch("/api/v2/assets/" + logo, aliceToken, "{\"name\": \"New logo\"}"));

        Map<ChangeScope, Long> after = members();
        assertThat(after.get(ChangeScope.membersOf(alicePrivate)))
                .isGreaterThan(before.get(ChangeScope.membersOf(alicePrivate)));
        assertThat(after.get(ChangeScope.membersOf(bobPrivate)))
                .isEqualTo(before.get(ChangeScope.membersOf(bobPrivate)));
        assertThat(after.get(ChangeScope.membersOf(alicePublic)))
                .isEqualTo(before.get(ChangeScope.membersOf(alicePublic)));
    }

    @Test
    void aMembershipChangeEmptiesOnlyThatCollectionsEmbeddedAssets() {
        Map<ChangeScope, Long> before = members();

        ok(api.post(PATH + "/" + alicePublic + "/assets", aliceToken, "{\"asset_ids\": [" + logo + "]}"));

        Map<ChangeScope, Long> after = members();
        assertThat(after.get(ChangeScope.membersOf(alicePublic)))
                .isGreaterThan(before.get(ChangeScope.membersOf(alicePublic)));
        assertThat(after.get(ChangeScope.membersOf(alicePrivate)))
                .isEqualTo(before.get(ChangeScope.membersOf(alicePrivate)));
        assertThat(after.get(ChangeScope.membersOf(bobPrivate)))
                .isEqualTo(before.get(ChangeScope.membersOf(bobPrivate)));
    }

    @Test
    void theEmbeddedAssetsShowAnAssetWriteAtOnce() {
        String include = PATH + "/" + alicePrivate + "?include=assets";
        assertThat(api.getRaw(include, aliceToken)
                        .json()
                        .at("/data/assets/0/name")
                        .asString())
                .isEqualTo("Logo");

        ok(api.patch("/api/v2/assets/" + logo, aliceToken, "{\"name\": \"New logo\"}"));

        assertThat(api.getRaw(include, aliceToken)
                        .json()
                        .at("/data/assets/0/name")
                        .asString())
                .isEqualTo("New logo");
    }

    private Map<ChangeScope, Long> members() {
        return Map.copyOf(versions.each(List.of(
                ChangeScope.membersOf(alicePrivate),
                ChangeScope.membersOf(alicePublic),
                ChangeScope.membersOf(bobPrivate))));
    }

    private long asset(String token, String name) {
        ApiResponse created = api.post(
                "/api/v2/assets",
                token,
                "{\"name\": \"" + name + "\", \"asset_type\": \"image\", \"mime_type\": \"image/png\","
                        + " \"url\": \"https://cdn.example.com/x.png\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/data/id").asLong();
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }
}
