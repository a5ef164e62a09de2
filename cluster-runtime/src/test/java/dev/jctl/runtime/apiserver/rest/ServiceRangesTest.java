package dev.jctl.runtime.apiserver.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRangesTest {
    @Test
    void theDefaultsAreKubeadmsAndShowAsTheFlagsDo() {
        ServiceRanges ranges = ServiceRanges.DEFAULT;

        assertEquals("10.96.0.0/12", ranges.clusterIpRange());
        assertEquals("30000-32767", ranges.nodePortRange());
        assertEquals(1L << 20, ranges.size());
        assertTrue(ranges.containsAddress(ServiceRanges.address("10.111.255.255")));
        assertFalse(ranges.containsAddress(ServiceRanges.address("10.112.0.0")));
        assertFalse(ranges.containsAddress(ServiceRanges.address("1.2.3")));
        assertTrue(ranges.containsNodePort(32767));
        assertFalse(ranges.containsNodePort(32768));
    }

    @Test
    void addressesAreDottedQuadsOnly() {
        assertEquals(0x0A600001L, ServiceRanges.address("10.96.0.1"));
        assertEquals("10.96.0.1", ServiceRanges.format(0x0A600001L));
        for (String bad : new String[] {"", "None", "10.96.0", "10.96.0.1.2", "10.96.0.256", "10..0.1", "10.96.0.-1",
                "10.96.0.1 "}) {
            assertEquals(-1, ServiceRanges.address(bad), bad);
        }
    }

    private static String refused(String clusterIpRange, String nodePortRange) {
        return assertThrows(IllegalArgumentException.class,
                () -> ServiceRanges.parse(clusterIpRange, nodePortRange)).getMessage();
    }

    @Test
    void nodePortRangesAreReadAsKubeApiserversFlagReadsThem() {
        assertEquals("30000-30000", ServiceRanges.parse("", "30000").nodePortRange());
        assertEquals("30000-30004", ServiceRanges.parse("", "30000+4").nodePortRange());
        assertEquals("30000-30010", ServiceRanges.parse("", " 30000-30010 ").nodePortRange());
        assertEquals(ServiceRanges.DEFAULT, ServiceRanges.parse("", ""), "empty values mean the defaults");
        // utilnet.PortRange.Set's errors as pflag reports them
        String flag = "invalid argument \"%s\" for \"--service-node-port-range\" flag: ";
        assertEquals(flag.formatted("abc") + "strconv.Atoi: parsing \"abc\": invalid syntax", refused("", "abc"));
        assertEquals(flag.formatted("30000-") + "strconv.Atoi: parsing \"\": invalid syntax", refused("", "30000-"));
        assertEquals(flag.formatted("30000 - 30010") + "strconv.Atoi: parsing \"30000 \": invalid syntax",
                refused("", "30000 - 30010"));
        assertEquals(flag.formatted("99999999999999999999-1") + "strconv.Atoi: parsing \"99999999999999999999\":"
                + " value out of range", refused("", "99999999999999999999-1"));
        assertEquals(flag.formatted("1-2+3") + "unable to parse port range: 1-2+3", refused("", "1-2+3"));
        assertEquals(flag.formatted("30000-70000") + "the port range cannot be greater than 65535: 30000-70000",
                refused("", "30000-70000"));
        assertEquals(flag.formatted("32767-30000") + "end port cannot be less than start port: 32767-30000",
                refused("", "32767-30000"));
        assertEquals(flag.formatted("0-100") + "the port range cannot start at port 0: 0-100", refused("", "0-100"));
    }

    @Test
    void clusterIpRangesAreCheckedAsKubeApiserverChecksThem() {
        assertEquals("10.96.0.0/12", ServiceRanges.parse("10.96.0.1/12", "").clusterIpRange(),
                "Go's CIDR parser takes any address of the block");
        assertEquals("10.0.0.0/28", ServiceRanges.parse("010.0.0.0/28", "").clusterIpRange());
        // Complete's errors (cmd/kube-apiserver/app/options/completion.go)
        assertEquals("service-cluster-ip-range[0] is not a valid cidr", refused("10.96.0.0", ""));
        assertEquals("service-cluster-ip-range[0] is not a valid cidr", refused("10.96.0.0/33", ""));
        assertEquals("error determining service IP ranges for primary service cidr: the service cluster IP range must"
                + " be at least 8 IP addresses", refused("10.0.0.0/30", ""));
        assertEquals("service-cluster-ip-range[1] is not an ip net", refused("10.0.0.0/16,bogus", ""));
        // Validate's (validation.go validateClusterIPFlags), reported together
        assertEquals("specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask must be >= 12",
                refused("10.0.0.0/8", ""));
        assertEquals("--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP family",
                refused("10.0.0.0/16,10.1.0.0/16", ""));
        assertEquals("[--service-cluster-ip-range must not contain more than two entries, specified"
                + " --service-cluster-ip-range is too large; for 32-bit addresses, the mask must be >= 12]",
                refused("10.0.0.0/8,fd00::/108,10.2.0.0/16", ""));
        // what upstream takes and this server does not serve
        assertEquals("only a single-stack IPv4 service cluster IP range is served, not fd00::/108",
                refused("fd00::/108", ""));
        assertEquals("only a single-stack IPv4 service cluster IP range is served, not 10.0.0.0/16,fd00::/108",
                refused("10.0.0.0/16,fd00::/108", ""));
        assertEquals("the service cluster IP range 10.0.0.0/29 leaves no address to hand out: the first ten are kept"
                + " for Services that ask for them, so the mask must be <= 28", refused("10.0.0.0/29", ""));
    }
}
