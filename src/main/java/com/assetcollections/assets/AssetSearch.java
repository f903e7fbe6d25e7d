package com.assetcollections.assets;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.storage.PostgresTextSearch;
import com.assetcollections.storage.SqliteTextSearch;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;

/** Full-text search over asset names, descriptions and tags, for the database in use. */
@Component
class AssetSearch {

    private final FullTextSearch fullText;

    AssetSearch(DSLContext db) {
        this.fullText = db.dialect().family() == SQLDialect.POSTGRES
                ? new PostgresTextSearch(field(name("assets", "search_vector")))
                : new SqliteTextSearch("assets_fts", AssetTable.ID, ChangeScope.assets(), 10.0, 2.0, 1.0);
    }

    FullTextSearch fullText() {
        return fullText;
    }
}
