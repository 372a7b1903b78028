package org.law12348.telephony.internal.ivr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The PBX addresses allowed to open FastAGI sessions: literal IPv4/IPv6 addresses or CIDR blocks
 * ({@code 10.0.0.20}, {@code 10.0.0.0/24}, {@code ::1}). Host names are refused: the list must not
 * depend on DNS. Anyone who can reach the port could otherwise forge calls and callbacks.
 */
final class PeerAllowList {

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    PeerAllowList(List<String> entries) {
        this.blocks = entries.stream().map(PeerAllowList::parse).toList();
    }

    boolean allows(InetAddress peer) {
        byte[] address = peer.getAddress();
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    private static Block parse(String entry) {
        String value = entry.strip();
        if (!value.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
            throw new IllegalStateException("law12348.telephony.fastagi.allowed-peers: \"" + entry
                    + "\" is not an IP address or CIDR block (host names are not accepted)");
        }
        String[] parts = value.split("/");
        byte[] network;
        try {
            network = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("law12348.telephony.fastagi.allowed-peers: \"" + entry
                    + "\" is not an IP address", e);
        }
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix > network.length * 8) {
            throw new IllegalStateException("law12348.telephony.fastagi.allowed-peers: \"" + entry
                    + "\" has a prefix longer than the address");
        }
        return new Block(network, prefix);
    }

    /** A peer address as logs may show it: the last IPv4 byte, or all but the first three IPv6 groups, hidden. */
    static String masked(InetAddress peer) {
        String text = peer.getHostAddress();
        if (peer.getAddress().length == 4) {
            return text.substring(0, text.lastIndexOf('.') + 1) + "*";
        }
        String[] groups = text.split(":");
        return groups.length > 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + ":*" : "*";
    }
}
