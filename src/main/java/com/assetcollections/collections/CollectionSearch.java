package com.assetcollections.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.storage.PostgresTextSearch;
import com.assetcollections.storage.SqliteTextSearch;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;

/** Full-text search over collection names and descriptions, for the database in use. */
@Component
class CollectionSearch {

    private final FullTextSearch fullText;

    CollectionSearch(DSLContext db) {
        this.fullText = db.dialect().family() == SQLDialect.POSTGRES
                ? new PostgresTextSearch(field(name("collections", "search_vector")))
                : new SqliteTextSearch("collections_fts", CollectionTable.ID, ChangeScope.collectionTexts(), 10.0, 2.0);
    }

    FullTextSearch fullText() {
        return fullText;
    }
}
