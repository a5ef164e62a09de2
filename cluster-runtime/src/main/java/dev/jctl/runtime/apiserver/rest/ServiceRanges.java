package dev.jctl.runtime.apiserver.rest;

/**
 * What kube-apiserver's {@code --service-cluster-ip-range} and {@code --service-node-port-range} set: the IPv4
 * block Services get their ClusterIP from and the node ports NodePort and LoadBalancer Services get theirs from.
 *
 * @param network      the block's first address, as an unsigned 32-bit number
 * @param prefixLength the block's prefix length, 12 (upstream's largest, 2^20 addresses) to 28
 */
public record ServiceRanges(long network, int prefixLength, int nodePortMin, int nodePortMax) {
    /** kube-apiserver's defaults. */
    public static final ServiceRanges DEFAULT = parse("10.96.0.0/12", "30000-32767");

    public ServiceRanges {
        if (prefixLength < 12 || prefixLength > 28) {
            throw new IllegalArgumentException("service cluster IP range /" + prefixLength
                    + ": the prefix length must be between 12 and 28");
        }
        if ((network & (size(prefixLength) - 1)) != 0) {
            throw new IllegalArgumentException("service cluster IP range " + format(network) + "/" + prefixLength
                    + " does not start at its network address " + format(network & -size(prefixLength)));
        }
        if (nodePortMin < 1 || nodePortMax > 65535 || nodePortMin > nodePortMax) {
            throw new IllegalArgumentException("service node port range " + nodePortMin + "-" + nodePortMax
                    + " is not a range of ports between 1 and 65535");
        }
    }

    /** The ranges from the flags' notation, such as {@code 10.96.0.0/12} and {@code 30000-32767}. */
    public static ServiceRanges parse(String clusterIpRange, String nodePortRange) {
        String[] cidr = clusterIpRange.split("/", -1);
        long network = cidr.length == 2 ? address(cidr[0]) : -1;
        if (network < 0 || !cidr[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("service cluster IP range " + clusterIpRange
                    + " is not an IPv4 block such as 10.96.0.0/12");
        }
        String[] ports = nodePortRange.split("-", -1);
        if (ports.length != 2 || !ports[0].matches("\\d{1,5}") || !ports[1].matches("\\d{1,5}")) {
            throw new IllegalArgumentException("service node port range " + nodePortRange
                    + " is not a range such as 30000-32767");
        }
        return new ServiceRanges(network, Integer.parseInt(cidr[1]), Integer.parseInt(ports[0]),
                Integer.parseInt(ports[1]));
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
