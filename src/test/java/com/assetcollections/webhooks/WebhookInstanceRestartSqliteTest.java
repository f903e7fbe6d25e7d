package com.assetcollections.webhooks;

import com.assetcollections.support.OnSqlite;

/** The instances take turns on one SQLite file (the dead one's and the next), never dispatching together. */
@OnSqlite
class WebhookInstanceRestartSqliteTest extends WebhookInstanceRestartContract {}
