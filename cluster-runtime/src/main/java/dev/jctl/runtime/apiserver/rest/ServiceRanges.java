package dev.jctl.runtime.apiserver.rest;

import dev.jctl.diff.io.GoStrings;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What kube-apiserver's {@code --service-cluster-ip-range} and {@code --service-node-port-range} set: the IPv4
 * block Services get their ClusterIP from and the node ports NodePort and LoadBalancer Services get theirs from.
 * Only single-stack IPv4 is served.
 *
 * @param network      the block's first address, as an unsigned 32-bit number
 * @param prefixLength the block's prefix length, 12 (upstream's largest, 2^20 addresses) to 28
 */
public record ServiceRanges(long network, int prefixLength, int nodePortMin, int nodePortMax) {
    /**
     * The block kubeadm, and so kind, starts kube-apiserver with ({@code --service-cidr}). kube-apiserver left to
     * itself falls back to 10.0.0.0/24, a default it warns is deprecated.
     */
    public static final String DEFAULT_CLUSTER_IP_RANGE = "10.96.0.0/12";
    /** kube-apiserver's own default. */
    public static final String DEFAULT_NODE_PORT_RANGE = "30000-32767";
    public static final ServiceRanges DEFAULT = parse(DEFAULT_CLUSTER_IP_RANGE, DEFAULT_NODE_PORT_RANGE);

    /** Upstream's limit on the addresses a block may hold: 2^20. */
    private static final int MAX_HOST_BITS = 20;
    /** Smaller blocks would leave nothing to hand out, as the allocator keeps the first ten addresses. */
    private static final int MAX_PREFIX_LENGTH = 28;

    public ServiceRanges {
        if (prefixLength < 32 - MAX_HOST_BITS || prefixLength > MAX_PREFIX_LENGTH
                || (network & (size(prefixLength) - 1)) != 0) {
            throw new IllegalArgumentException("not a served service cluster IP range: " + format(network) + "/"
                    + prefixLength);
        }
        if (nodePortMin < 1 || nodePortMax > 65535 || nodePortMin > nodePortMax) {
            throw new IllegalArgumentException("not a served node port range: " + nodePortMin + "-" + nodePortMax);
        }
    }

    /**
     * The ranges from the flags' values, read and checked as kube-apiserver 1.32 does, with its messages: the node
     * ports as its flag parser reads them ({@code 30000-32767}, {@code 30000+2767} or one port), the block as
     * Go's CIDR parser (a host address stands for its block), each empty value meaning the default.
     */
    public static ServiceRanges parse(String clusterIpRange, String nodePortRange) {
        int[] ports = nodePorts(nodePortRange.trim().isEmpty() ? DEFAULT_NODE_PORT_RANGE : nodePortRange);
        Block block = clusterIpBlock(clusterIpRange.isEmpty() ? DEFAULT_CLUSTER_IP_RANGE : clusterIpRange);
        return new ServiceRanges(block.network(), block.prefixLength(), ports[0], ports[1]);
    }

    /** utilnet.PortRange.Set, whose errors pflag reports as an invalid argument of the flag. */
    private static int[] nodePorts(String value) {
        String text = value.trim();
        int hyphen = text.indexOf('-');
        int plus = text.indexOf('+');
        try {
            int low;
            int high;
            if (hyphen >= 0 && plus >= 0) {
                throw new IllegalArgumentException("unable to parse port range: " + text);
            } else if (hyphen >= 0) {
                low = atoi(text.substring(0, hyphen));
                high = atoi(text.substring(hyphen + 1));
            } else if (plus >= 0) {
                low = atoi(text.substring(0, plus));
                high = low + atoi(text.substring(plus + 1));
            } else {
                low = atoi(text);
                high = low;
            }
            if (low > 65535 || high > 65535) {
                throw new IllegalArgumentException("the port range cannot be greater than 65535: " + text);
            }
            if (high < low) {
                throw new IllegalArgumentException("end port cannot be less than start port: " + text);
            }
            if (low == 0) {
                // upstream takes it, but a Service's nodePort 0 means it has none
                throw new IllegalArgumentException("the port range cannot start at port 0: " + text);
            }
            return new int[] {low, high};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument " + GoStrings.quote(value)
                    + " for \"--service-node-port-range\" flag: " + e.getMessage(), e);
        }
    }

    /**
     * Go's strconv.Atoi of a part of the range, which the notation leaves no sign to; any number above 65535 comes
     * back as 65536, for the caller to refuse.
     */
    private static int atoi(String text) {
        if (!text.matches("\\d+")) {
            throw new IllegalArgumentException("strconv.Atoi: parsing " + GoStrings.quote(text) + ": invalid syntax");
        }
        BigInteger number = new BigInteger(text);
        if (number.bitLength() > 63) {
            throw new IllegalArgumentException("strconv.Atoi: parsing " + GoStrings.quote(text) + ": value out of range");
        }
        return number.min(BigInteger.valueOf(65536)).intValue();
    }

    /**
     * The block, as kube-apiserver completes and validates the flag (its Complete, then its Validate, whose errors
     * are reported together), then what this server does not serve.
     */
    private static Block clusterIpBlock(String value) {
        String[] entries = value.split(",", -1);
        Block primary = Block.parse(entries[0]);
        if (primary == null) {
            throw new IllegalArgumentException("service-cluster-ip-range[0] is not a valid cidr");
        }
        if (primary.hostBits() < 3) {
            throw new IllegalArgumentException("error determining service IP ranges for primary service cidr: the"
                    + " service cluster IP range must be at least 8 IP addresses");
        }
        Block secondary = entries.length > 1 ? Block.parse(entries[1]) : null;
        if (entries.length > 1 && secondary == null) {
            throw new IllegalArgumentException("service-cluster-ip-range[1] is not an ip net");
        }
        List<String> invalid = new ArrayList<>();
        if (entries.length > 2) {
            invalid.add("--service-cluster-ip-range must not contain more than two entries");
        }
        primary.tooLarge("--service-cluster-ip-range").ifPresent(invalid::add);
        if (secondary != null) {
            if (secondary.ipv6() == primary.ipv6()) {
                invalid.add("--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP"
                        + " family");
            }
            secondary.tooLarge("--service-cluster-ip-range[1]").ifPresent(invalid::add);
        }
        if (!invalid.isEmpty()) {
            // utilerrors.NewAggregate's wording
            throw new IllegalArgumentException(invalid.size() == 1 ? invalid.get(0)
                    : "[" + String.join(", ", invalid) + "]");
        }
        if (secondary != null || primary.ipv6()) {
            throw new IllegalArgumentException("only a single-stack IPv4 service cluster IP range is served, not "
                    + value);
        }
        if (primary.prefixLength() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("the service cluster IP range " + format(primary.network()) + "/"
                    + primary.prefixLength() + " leaves no address to hand out: the first ten are kept for Services"
                    + " that ask for them, so the mask must be <= " + MAX_PREFIX_LENGTH);
        }
        return primary;
    }

    /** A CIDR block as Go's net.ParseCIDR reads it (leading zeros allowed, as kube's sloppy parser has it). */
    private record Block(boolean ipv6, long network, int prefixLength) {
        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String mask = slash < 0 ? "" : cidr.substring(slash + 1);
            if (!mask.matches("\\d{1,9}")) {
                return null;
            }
            int prefix = Integer.parseInt(mask);
            long address = address(cidr.substring(0, slash));
            if (address >= 0) {
                return prefix > 32 ? null : new Block(false, address & -size(prefix) & 0xFFFFFFFFL, prefix);
            }
            return prefix <= 128 && isIpv6(cidr.substring(0, slash)) ? new Block(true, -1, prefix) : null;
        }

        int hostBits() {
            return (ipv6 ? 128 : 32) - prefixLength;
        }

        Optional<String> tooLarge(String flag) {
            int bits = ipv6 ? 128 : 32;
            return hostBits() > MAX_HOST_BITS ? Optional.of("specified " + flag + " is too large; for " + bits
                    + "-bit addresses, the mask must be >= " + (bits - MAX_HOST_BITS)) : Optional.empty();
        }

        private static boolean isIpv6(String text) {
            // a literal of these characters is parsed, never looked up
            if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
                return false;
            }
            try {
                return InetAddress.getByName(text) instanceof Inet6Address;
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    /** How many addresses the block holds. */
    public long size() {
        return size(prefixLength);
    }

    public boolean containsAddress(long address) {
        return address >= network && address < network + size();
    }

    public boolean containsNodePort(int port) {
        return port >= nodePortMin && port <= nodePortMax;
    }

    /** The block as upstream's messages show it. */
    public String clusterIpRange() {
        return format(network) + "/" + prefixLength;
    }

    /** The node ports as upstream's messages show them. */
    public String nodePortRange() {
        return nodePortMin + "-" + nodePortMax;
    }

    /** A dotted-quad IPv4 address as an unsigned 32-bit number, or -1 when it is not one. */
    static long address(String ip) {
        long address = 0;
        int octets = 0;
        int octet = -1;
        for (int i = 0; i <= ip.length(); i++) {
            char c = i < ip.length() ? ip.charAt(i) : '.';
            if (c == '.') {
                if (octet < 0 || ++octets > 4) {
                    return -1;
                }
                address = address << 8 | octet;
                octet = -1;
            } else if (c >= '0' && c <= '9') {
                octet = Math.max(octet, 0) * 10 + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return octets == 4 ? address : -1;
    }

    static String format(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    private static long size(int prefixLength) {
        return 1L << (32 - prefixLength);
    }
}
