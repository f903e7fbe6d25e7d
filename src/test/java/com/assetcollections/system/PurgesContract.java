package com.assetcollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetTombstones;
import com.assetcollections.collections.Tombstones;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * What is kept only for a while (Idempotency-Key responses, tombstones): an expired key is never
 * replayed, a purge run removes what expired and nothing else, and no request removes rows that
 * are not its own (the purges run on a schedule instead).
 */
abstract class PurgesContract extends ApiTestBase {

    static final Table<?> KEYS = DSL.table(DSL.name("idempotency_keys"));
    static final Field<Long> KEY_USER_ID = DSL.field(DSL.name("idempotency_keys", "user_id"), SQLDataType.BIGINT);
    static final Field<String> KEY = DSL.field(DSL.name("idempotency_keys", "idempotency_key"), SQLDataType.VARCHAR);
    static final Field<Instant> KEY_CREATED_AT =
            DSL.field(DSL.name("idempotency_keys", "created_at"), SqlTypes.TIMESTAMP);
    /** The defaults of `app.idempotency-keys.kept` and `app.tombstones.kept`, which the tests keep. */
    static final Duration KEYS_KEPT = Duration.ofHours(24);

    static final Duration TOMBSTONES_KEPT = Duration.ofDays(30);

    @Autowired
    Purges purges;

    @Autowired
    ScheduledTaskHolder schedule;

    User alice;
    User bob;
    String aliceToken;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceToken = fixtures.token(alice, Fixtures.READ_WRITE);
    }

    @Test
    void anExpiredIdempotencyKeyIsNotReplayedButClaimedAnew() {
        ApiResponse first = createCollection("{\"name\": \"First\"}", "k-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        age(alice, "k-1", KEYS_KEPT.plusMinutes(1));

        ApiResponse again = createCollection("{\"name\": \"First\"}", "k-1");
        ApiResponse other = createCollection("{\"name\": \"Other\"}", "k-1");

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(id(again)).isNotEqualTo(id(first));
        assertThat(other.status())
                .as("the key now belongs to the second request")
                .isEqualTo(422);
        ApiResponse replayed = createCollection("{\"name\": \"First\"}", "k-1");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(replayed)).isEqualTo(id(again));
    }

    @Test
    void aKeyJustInsideItsTimeIsStillReplayed() {
        ApiResponse first = createCollection("{\"name\": \"First\"}", "k-2");
        age(alice, "k-2", KEYS_KEPT.minusMinutes(1));

        ApiResponse again = createCollection("{\"name\": \"First\"}", "k-2");

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(again)).isEqualTo(id(first));
    }

    @Test
    void aPurgeRunRemovesWhatExpiredAndKeepsTheRest() {
        Instant expired = SqlTypes.now().minus(KEYS_KEPT).minusSeconds(60);
        Instant fresh = SqlTypes.now().minus(KEYS_KEPT).plusSeconds(600);
        List<Query> inserts = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            inserts.add(key(i % 2 == 0 ? alice : bob, "old-" + i, expired.minusSeconds(i)));
        }
        inserts.add(key(alice, "fresh-1", fresh));
        inserts.add(key(bob, "fresh-2", SqlTypes.now()));
        db.batch(inserts).execute();
        Instant tombstonesExpired = SqlTypes.now().minus(TOMBSTONES_KEPT).minusSeconds(60);
        Instant tombstonesFresh = SqlTypes.now().minus(TOMBSTONES_KEPT).plusSeconds(600);
        collectionTombstone(900_001, tombstonesExpired, bob);
        collectionTombstone(900_002, tombstonesFresh, bob);
        assetTombstone(900_003, tombstonesExpired);
        assetTombstone(900_004, tombstonesFresh);

        purges.idempotencyKeys();
        purges.tombstones();

        assertThat(db.select(KEY).from(KEYS).orderBy(KEY).fetch(KEY)).containsExactly("fresh-1", "fresh-2");
        assertThat(db.select(Tombstones.ID)
                        .from(Tombstones.COLLECTION_TOMBSTONES)
                        .fetch(Tombstones.ID))
                .containsExactly(900_002L);
        assertThat(db.select(Tombstones.VIEWER_COLLECTION_ID)
                        .from(Tombstones.VIEWERS)
                        .fetch(Tombstones.VIEWER_COLLECTION_ID))
                .as("the viewers of a purged tombstone go with it")
                .containsExactly(900_002L);
        assertThat(db.select(AssetTombstones.ID)
                        .from(AssetTombstones.ASSET_TOMBSTONES)
                        .fetch(AssetTombstones.ID))
                .containsExactly(900_004L);
    }

    @Test
    void requestsLeaveEveryoneElsesExpiredRowsToThePurge() {
        Instant longAgo = SqlTypes.now().minus(TOMBSTONES_KEPT).minusSeconds(60);
        db.batch(key(bob, "bobs-old", longAgo), key(alice, "alices-other-old", longAgo))
                .execute();
        collectionTombstone(900_001, longAgo, bob);
        assetTombstone(900_002, longAgo);

        long collection = id(createCollection("{\"name\": \"Keyed\"}", "c-1"));
        long asset = id(api.post(
                "/api/v2/assets",
                aliceToken,
                "{\"name\": \"Logo\", \"asset_type\": \"image\", \"mime_type\": \"image/png\","
                        + " \"url\": \"https://cdn.example.com/logo.png\"}",
                "Idempotency-Key",
                "a-1"));
        assertThat(api.post(
                                "/api/v2/collections/" + collection + "/assets",
                                aliceToken,
                                "{\"asset_ids\": [" + asset + "]}",
                                "Idempotency-Key",
                                "m-1")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v2/collections/" + collection + "/shares",
                                aliceToken,
                                "{\"user_id\": " + bob.id() + "}",
                                "Idempotency-Key",
                                "s-1")
                        .status())
                .isEqualTo(201);
        assertThat(api.delete("/api/v2/assets/" + asset, aliceToken).status()).isEqualTo(204);
        assertThat(api.delete("/api/v2/collections/" + collection, aliceToken).status())
                .isEqualTo(204);

        assertThat(db.select(KEY).from(KEYS).where(KEY_CREATED_AT.eq(longAgo)).fetch(KEY))
                .containsExactlyInAnyOrder("bobs-old", "alices-other-old");
        assertThat(db.fetchExists(Tombstones.COLLECTION_TOMBSTONES, Tombstones.ID.eq(900_001L)))
                .isTrue();
        assertThat(db.fetchExists(AssetTombstones.ASSET_TOMBSTONES, AssetTombstones.ID.eq(900_002L)))
                .isTrue();
        purges.idempotencyKeys();
        purges.tombstones();
        assertThat(db.fetchCount(KEYS, KEY_CREATED_AT.eq(longAgo))).isZero();
        assertThat(db.fetchExists(Tombstones.COLLECTION_TOMBSTONES, Tombstones.ID.eq(900_001L)))
                .isFalse();
        assertThat(db.fetchExists(AssetTombstones.ASSET_TOMBSTONES, AssetTombstones.ID.eq(900_002L)))
                .isFalse();
    }

    @Test
    void eachPurgeIsScheduledAtItsConfiguredInterval() {
        Map<String, Duration> intervals = schedule.getScheduledTasks().stream()
                .filter(task -> task.getTask() instanceof FixedDelayTask)
                .map(task -> (FixedDelayTask) task.getTask())
                .filter(task -> task.toString().startsWith(Purges.class.getName()))
                .collect(Collectors.toMap(
                        task -> task.toString().substring(Purges.class.getName().length() + 1),
                        FixedDelayTask::getIntervalDuration));

        assertThat(intervals)
                .isEqualTo(Map.of(
                        "idempotencyKeys", Duration.parse("PT24000H"),
                        "tombstones", Duration.parse("PT24000H"),
                        "webhookEvents", Duration.parse("PT24000H")));
    }

    ApiResponse createCollection(String body, String key) {
        return api.post("/api/v2/collections", aliceToken, body, "Idempotency-Key", key);
    }

    static long id(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("data").get("id").asLong();
    }

    /** Makes the user's key look as if it was first used {@code age} ago. */
    void age(User user, String key, Duration age) {
        assertThat(db.update(KEYS)
                        .set(KEY_CREATED_AT, SqlTypes.now().minus(age))
                        .where(KEY_USER_ID.eq(user.id()).and(KEY.eq(key)))
                        .execute())
                .isEqualTo(1);
    }

    Query key(User user, String key, Instant createdAt) {
        return db.insertInto(KEYS)
                .set(KEY_USER_ID, user.id())
                .set(KEY, key)
                .set(DSL.field(DSL.name("idempotency_keys", "request_hash"), SQLDataType.VARCHAR), "x")
                .set(DSL.field(DSL.name("idempotency_keys", "status"), SQLDataType.INTEGER), 201)
                .set(DSL.field(DSL.name("idempotency_keys", "response_body"), SQLDataType.BLOB), new byte[0])
                .set(KEY_CREATED_AT, createdAt);
    }

    void collectionTombstone(long id, Instant deletedAt, User viewer) {
        db.insertInto(Tombstones.COLLECTION_TOMBSTONES)
                .set(Tombstones.ID, id)
                .set(Tombstones.UUID_, UUID.randomUUID())
                .set(Tombstones.OWNER_ID, alice.id())
                .set(Tombstones.COLLECTION_TYPE, "private")
                .set(Tombstones.CREATED_AT, deletedAt.minus(Duration.ofDays(1)))
                .set(Tombstones.DELETED_AT, deletedAt)
                .execute();
        db.insertInto(Tombstones.VIEWERS)
                .set(Tombstones.VIEWER_COLLECTION_ID, id)
                .set(Tombstones.VIEWER_USER_ID, viewer.id())
                .execute();
    }

    void assetTombstone(long id, Instant deletedAt) {
        db.insertInto(AssetTombstones.ASSET_TOMBSTONES)
                .set(AssetTombstones.ID, id)
                .set(AssetTombstones.UUID_, UUID.randomUUID())
                .set(AssetTombstones.OWNER_ID, alice.id())
                .set(AssetTombstones.CREATED_AT, deletedAt.minus(Duration.ofDays(1)))
                .set(AssetTombstones.DELETED_AT, deletedAt)
                .execute();
    }
}
