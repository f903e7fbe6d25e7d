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
}
