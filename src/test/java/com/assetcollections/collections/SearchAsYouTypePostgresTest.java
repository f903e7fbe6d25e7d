package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;
import java.util.List;

@OnPostgres
class SearchAsYouTypePostgresTest extends SearchAsYouTypeContract {

    /**
     * The 'english' configuration leaves stop words out of the index, so "the" cannot match "The"
     * itself; it still matches as the start of "Theme".
     */
    @Override
    List<Long> foundByStopWordPrefix(long theBeatles, long themePark) {
        return List.of(themePark);
    }
}
