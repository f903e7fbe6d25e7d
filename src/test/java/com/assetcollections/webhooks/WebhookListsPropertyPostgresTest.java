package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.OnPostgres;
import org.junit.jupiter.api.Test;

@OnPostgres
class WebhookListsPropertyPostgresTest extends WebhookListsPropertyContract {

    /**
     * The model orders urls by code point, as SQLite does. PostgreSQL orders text by the
     * database's collation, and the test server's is C: on a database created with an ICU "en"
     * collation the properties failed (seed 1592630477, {@code sort=-url}) until the column was
     * declared {@code COLLATE "C"}, which this keeps.
     */
    @Test
    void urlsSortByCodePointWhateverTheDatabasesCollation() {
        String collation = db.fetchOne("select collation_name from information_schema.columns"
                        + " where table_name = 'webhooks' and column_name = 'url'")
                .get(0, String.class);
        assertThat(collation).isEqualTo("C");
    }
}
