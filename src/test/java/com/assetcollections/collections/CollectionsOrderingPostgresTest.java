package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;
import java.util.List;

@OnPostgres
class CollectionsOrderingPostgresTest extends CollectionsOrderingContract {

    /** The 'english' text search configuration drops stop words; a query of only stop words matches nothing. */
    @Override
    List<Long> foundByStopWordSearch(long theBeatles, long abbeyRoad) {
        return List.of();
    }

    /**
     * websearch_to_tsquery turns "-beatles" into !'beatl', which matches every row without the word;
     * FTS5 has no query of only a negation, so SQLite finds nothing (docs/API.md records this).
     */
    @Override
    List<Long> foundByExclusionOnlySearch(long theBeatles, long abbeyRoad) {
        return List.of(abbeyRoad);
    }
}
