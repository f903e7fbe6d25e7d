package com.assetcollections.collections;

import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Member;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a world straight into the database with {@link Fixtures}, exactly as generated:
 * timestamps (some tied), uuids, member positions with ties, and now and then a share with the
 * owner, which the API would refuse. Tokens have the read scopes only.
 */
final class DirectWorldWriter implements WorldWriter {

    private final Fixtures fixtures;
    private final Map<Long, User> users = new HashMap<>();

    DirectWorldWriter(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public Person person(String name) {
        User user = fixtures.user(name);
        users.put(user.id(), user);
        return new Person(user, fixtures.token(user));
    }

    @Override
    public Asset asset(Asset planned) {
        long id = fixtures.asset(users.get(planned.ownerId()), planned.name())
                .type(planned.type())
                .mime(planned.mimeType())
                .description(planned.description())
                .tags(planned.tags().toArray(String[]::new))
                .created(planned.createdAt())
                .updated(planned.updatedAt())
                .uuid(planned.uuid())
                .create();
        return new Asset(
                id,
                planned.uuid(),
                planned.ownerId(),
                planned.name(),
                planned.description(),
                planned.type(),
                planned.mimeType(),
                planned.tags(),
                planned.createdAt(),
                planned.updatedAt());
    }

    @Override
    public Coll collection(Coll planned, List<Member> members) {
        Fixtures.CollectionBuilder builder = fixtures.collection(users.get(planned.ownerId()), planned.name())
                .description(planned.description())
                .created(planned.createdAt())
                .updated(planned.updatedAt())
                .uuid(planned.uuid());
        long id = (planned.isPublic() ? builder.publicOne() : builder).create();
        planned.shares().forEach((userId, level) -> fixtures.share(id, users.get(userId), level));
        for (Member member : members) {
            fixtures.member(id, member.assetId(), member.position());
        }
        return new Coll(
                id,
                planned.uuid(),
                planned.ownerId(),
                planned.name(),
                planned.description(),
                planned.isPublic(),
                planned.createdAt(),
                planned.updatedAt(),
                planned.shares(),
                planned.assetIds());
    }
}
