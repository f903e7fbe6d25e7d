package com.assetcollections.collections;

import com.assetcollections.web.Forbidden;

/**
 * A collection a write names, found within what the caller may see and locked for the rest of the
 * write's transaction, with what the caller may do to it.
 */
record EditableCollection(long id, long ownerId, Access access) {

    /** What a caller may do to a collection they can see. */
    enum Access {
        /** Everything: change, delete, change the type, share. */
        OWNER,
        /** Change the name, description and membership (a share at the `edit` level). */
        EDIT,
        /** Read only (public, or a share at the `view` level). */
        VIEW
    }

    /** Name, description and membership: the owner and users it is shared with at the edit level. */
    void requireEdit() {
        if (access == Access.VIEW) {
            throw new Forbidden("collection " + id + " can only be read by you; changing it needs its owner or a"
                    + " share at the `edit` level");
        }
    }

    /** Deleting, the type and the shares: only the owner. */
    void requireOwner(String what) {
        if (access != Access.OWNER) {
            throw new Forbidden("only the owner of collection " + id + " may " + what);
        }
    }
}
