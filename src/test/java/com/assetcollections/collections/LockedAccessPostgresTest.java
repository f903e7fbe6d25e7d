package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.NAME;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.UPDATED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.OnPostgres;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that waits for the lock of its collection acts on the access the caller has once the
 * lock is granted, not on the access its statement saw before it waited (CollectionLocks).
 * Each test holds the collection row locked in a transaction of its own, lets an editor's
 * write queue behind it, then commits.
 */
@OnPostgres
class LockedAccessPostgresTest extends CollectionWriting {

    long collection;

    @BeforeEach
    void sharedForEditing() {
        collection = createdId(create(aliceToken, "{\"name\": \"Shared\"}"));
        ApiResponse shared = api.post(
                PATH + "/" + collection + "/shares",
                aliceToken,
                "{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
    }

    @Test
    void aWriteThatWaitedForAnUnshareIsRefusedAndChangesNothing() throws Exception {
        ApiResponse write = renameBehind(locked -> {
            locked.deleteFrom(SHARES).where(SHARE_COLLECTION_ID.eq(collection)).execute();
            locked.update(COLLECTIONS)
                    .set(UPDATED_AT, SqlTypes.now())
                    .where(ID.eq(collection))
                    .execute();
        });

        assertThat(write.status()).as(write.body()).isEqualTo(404);
        assertThat(storedName()).isEqualTo("Shared");
    }

    @Test
    void aWriteThatWaitedForAnotherChangeOfTheRowStillSucceeds() throws Exception {
        ApiResponse write = renameBehind(locked -> locked.update(COLLECTIONS)
                .set(CollectionTable.DESCRIPTION, "changed meanwhile")
                .where(ID.eq(collection))
                .execute());

        assertThat(write.status()).as(write.body()).isEqualTo(200);
        assertThat(storedName()).isEqualTo("Renamed");
        assertThat(write.json().get("data").get("description").asString()).isEqualTo("changed meanwhile");
    }

    @Test
    void aWriteThatWaitedForALockAloneSucceeds() throws Exception {
        ApiResponse write = renameBehind(locked -> {});

        assertThat(write.status()).as(write.body()).isEqualTo(200);
        assertThat(storedName()).isEqualTo("Renamed");
    }

    /**
     * Bob's rename, sent while another transaction holds the collection row locked and has done
     * {@code meanwhile}; that transaction commits once the rename waits for the lock.
     */
    private ApiResponse renameBehind(Consumer<DSLContext> meanwhile) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> db.transaction(transaction -> {
                DSLContext locked = transaction.dsl();
                locked.select(ID)
                        .from(COLLECTIONS)
                        .where(ID.eq(collection))
                        .forUpdate()
                        .fetch();
                meanwhile.accept(locked);
                holding.countDown();
                release.await();
            }));
            holding.await();
            Future<ApiResponse> rename =
                    pool.submit(() -> api.patch(PATH + "/" + collection, bobToken, "{\"name\": \"Renamed\"}"));
            awaitOneLockWait();
            release.countDown();
            holder.get();
            return rename.get();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private void awaitOneLockWait() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (db.fetchCount(
                        org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("pg_stat_activity")),
                        org.jooq
                                .impl
                                .DSL
                                .field(org.jooq.impl.DSL.name("wait_event_type"))
                                .eq("Lock")
                                .and(org.jooq
                                        .impl
                                        .DSL
                                        .field(org.jooq.impl.DSL.name("datname"))
                                        .eq(org.jooq.impl.DSL.currentCatalog())))
                == 0) {
            assertThat(System.nanoTime())
                    .as("the rename never waited for the lock")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String storedName() {
        return db.select(NAME).from(COLLECTIONS).where(ID.eq(collection)).fetchOne(NAME);
    }
}
