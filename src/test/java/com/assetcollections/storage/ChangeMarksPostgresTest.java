package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fold job moves the marks of backends that have ended into slot 0 without changing any
 * version, and leaves the rows of live backends to them. (SQLite has one slot only.)
 */
@OnPostgres
class ChangeMarksPostgresTest extends ApiTestBase {

    /** Far above any pid a backend of this server has now. */
    private static final int ENDED_BACKEND = 2_000_000_001;

    @Autowired
    private ChangeMarks marks;

    @Autowired
    private DataVersions versions;

    @Test
    void foldingKeepsEveryVersionAndLeavesLiveBackendsAlone() {
        ChangeScope scope = ChangeScope.collectionsOwnedBy(987_654_321L);
        db.execute(
                "insert into change_marks (kind, key, slot, version) values (?, ?, 0, 5), (?, ?, ?, 7), (?, ?, ?, 11)",
                scope.kind(),
                scope.key(),
                scope.kind(),
                scope.key(),
                ENDED_BACKEND,
                scope.kind(),
                scope.key(),
                ENDED_BACKEND + 1);
        int live = db.fetchOne("select pg_backend_pid()").get(0, Integer.class);
        db.execute(
                "insert into change_marks (kind, key, slot, version) values (?, ?, ?, 3)",
                scope.kind(),
                scope.key(),
                live);
        assertThat(versions.current(List.of(scope))).isEqualTo(26);

        marks.fold();

        assertThat(versions.current(List.of(scope))).isEqualTo(26);
        assertThat(db.fetch(
                                "select slot, version from change_marks where kind = ? and key = ? order by slot",
                                scope.kind(),
                                scope.key())
                        .map(row -> row.get(0, Integer.class) + "=" + row.get(1, Long.class)))
                .as("the ended backends' rows are in slot 0; the live backend keeps its own")
                .containsExactlyInAnyOrder("0=23", live + "=3");
    }
}
