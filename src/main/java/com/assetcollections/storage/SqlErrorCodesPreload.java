package com.assetcollections.storage;

import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * Loads Spring's SQL error codes at startup instead of at the first failing statement.
 *
 * <p>jOOQ's exception listener translates an SQLException through {@link SQLErrorCodesFactory},
 * whose first use parses an XML file inside class initialisers. Under load on virtual threads
 * that first use deadlocked the app: the request initialising the classes was unmounted while
 * every carrier thread (2 on a 2-core machine) was pinned by requests blocked on the same class
 * initialisation, so no request ever finished (bench/run.sh pg-assets, a search whose requests
 * timed out on the connection pool). Loading it once here, on the main thread, avoids that.
 */
@Component
class SqlErrorCodesPreload {

    SqlErrorCodesPreload() {
        SQLErrorCodesFactory.getInstance();
    }
}
