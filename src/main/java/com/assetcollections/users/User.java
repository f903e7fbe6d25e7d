package com.assetcollections.users;

import java.util.UUID;

public record User(long id, UUID uuid, String name, String email) {}
