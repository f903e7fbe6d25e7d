package com.assetcollections.collections;

import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Member;
import com.assetcollections.collections.VisibilityWorld.Person;
import java.util.List;

/**
 * Writes the users, assets and collections a {@link VisibilityWorld} generates, and answers with
 * each as written: the ids it got, and whatever else the writer chose rather than the generator
 * (timestamps and uuids, when the API sets them). The model holds what this returns.
 */
interface WorldWriter {

    /** A user and a token for them. */
    Person person(String name);

    /** @param planned the asset to write; its id is 0 */
    Asset asset(Asset planned);

    /**
     * The collection, its shares and its members.
     *
     * @param planned the collection to write; its id is 0
     * @param members its assets at their generated positions, in collection order
     */
    Coll collection(Coll planned, List<Member> members);
}
