package com.assetcollections.collections;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the users of a write mix know of the data while they change it at the same time: which
 * collections and assets exist, who owns them, and who each collection is shared with. A user
 * only ever adds or removes their own collections, assets and shares, so what a user knows of
 * their own is exact; what they know of the others' may be out of date by the time a request
 * arrives — that is the race the test is about.
 */
final class WriteMixWorld {

    /** A user and their token (collections and assets, read and write). */
    record Person(long id, String token) {}

    final List<Person> people;
    /** Live collections: id to owner id. */
    final ConcurrentMap<Long, Long> collections = new ConcurrentHashMap<>();
    /** Shares of live collections: collection id to (user id to level). */
    final ConcurrentMap<Long, ConcurrentMap<Long, String>> shares = new ConcurrentHashMap<>();
    /** Live assets: id to owner id. */
    final ConcurrentMap<Long, Long> assets = new ConcurrentHashMap<>();

    WriteMixWorld(List<Person> people) {
        this.people = List.copyOf(people);
    }

    void addCollection(long id, long ownerId) {
        shares.put(id, new ConcurrentHashMap<>());
        collections.put(id, ownerId);
    }

    void removeCollection(long id) {
        collections.remove(id);
        shares.remove(id);
    }

    void share(long collection, long userId, String level) {
        shares.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).put(userId, level);
    }

    void unshare(long collection, long userId) {
        Map<Long, String> of = shares.get(collection);
        if (of != null) {
            of.remove(userId);
        }
    }

    Map<Long, String> sharesOf(long collection) {
        return shares.getOrDefault(collection, new ConcurrentHashMap<>());
    }

    /** The users the collection is shared with, by id. */
    List<Long> sharedWith(long collection) {
        return sharesOf(collection).keySet().stream().sorted().toList();
    }

    List<Long> collectionsOf(long ownerId) {
        return collections.entrySet().stream()
                .filter(e -> e.getValue() == ownerId)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The collections a user may change the membership of, as far as they know: their own and `edit` shares. */
    List<Long> editableBy(long userId) {
        return collections.entrySet().stream()
                .filter(e -> e.getValue() == userId
                        || "edit".equals(sharesOf(e.getKey()).get(userId)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    List<Long> assetsOf(long ownerId) {
        return assets.entrySet().stream()
                .filter(e -> e.getValue() == ownerId)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Up to {@code n} distinct live assets of any owners. */
    List<Long> someAssets(Random random, int n) {
        List<Long> all =
                new java.util.ArrayList<>(assets.keySet().stream().sorted().toList());
        java.util.Collections.shuffle(all, random);
        return all.subList(0, Math.min(n, all.size()));
    }

    Person someoneBut(Random random, long userId) {
        while (true) {
            Person other = people.get(random.nextInt(people.size()));
            if (other.id() != userId) {
                return other;
            }
        }
    }
}
