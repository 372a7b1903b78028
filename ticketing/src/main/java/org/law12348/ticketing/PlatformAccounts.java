package org.law12348.ticketing;

import java.util.Set;

/**
 * Accounts a channel keeps for citizens, seen from an erasure. A mini-program account binds a phone
 * number the platform verified to a platform identity, so it proves that the tickets sent under that
 * identity belong to whoever owns the number, including tickets sent before the number was bound,
 * which carry no phone at all. An erasure by phone number asks for those identities and erases their
 * tickets too; ticketing owns the port, the channel implements it.
 *
 * <p>Called inside the erasing transaction, before anything is erased; must only read.
 */
public interface PlatformAccounts {

    /**
     * The identities of every account bound to one of these phone numbers.
     *
     * @param phoneHashes blind indexes of phone numbers ({@code PersonalDataCipher.blindIndex})
     * @return blind indexes of those accounts' platform identities; empty sets when none is bound
     */
    Identities boundTo(Set<String> phoneHashes);

    /** Blind indexes of platform identities. */
    record Identities(Set<String> wechatOpenIdHashes, Set<String> alipayUserIdHashes) {

        public Identities {
            wechatOpenIdHashes = Set.copyOf(wechatOpenIdHashes);
            alipayUserIdHashes = Set.copyOf(alipayUserIdHashes);
        }
    }
}
