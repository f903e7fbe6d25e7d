package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class ShareInvitationsPostgresTest extends ShareInvitationsContract {}
