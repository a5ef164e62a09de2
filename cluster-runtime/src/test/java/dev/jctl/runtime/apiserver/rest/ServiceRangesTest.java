package dev.jctl.runtime.apiserver.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRangesTest {
    @Test
    void theDefaultsAreKubeApiserversAndShowAsItsFlagsDo() {
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

    @Test
    void badRangesAreRefusedWithWhatIsWrong() {
        assertEquals("service cluster IP range 10.96.0.0 is not an IPv4 block such as 10.96.0.0/12",
                assertThrows(IllegalArgumentException.class, () -> ServiceRanges.parse("10.96.0.0", "30000-32767"))
                        .getMessage());
        assertEquals("service cluster IP range /8: the prefix length must be between 12 and 28",
                assertThrows(IllegalArgumentException.class, () -> ServiceRanges.parse("10.0.0.0/8", "30000-32767"))
                        .getMessage());
        assertEquals("service cluster IP range 10.96.0.1/12 does not start at its network address 10.96.0.0",
                assertThrows(IllegalArgumentException.class, () -> ServiceRanges.parse("10.96.0.1/12", "30000-32767"))
                        .getMessage());
        assertEquals("service node port range 30000 is not a range such as 30000-32767",
                assertThrows(IllegalArgumentException.class, () -> ServiceRanges.parse("10.96.0.0/12", "30000"))
                        .getMessage());
        assertEquals("service node port range 32767-30000 is not a range of ports between 1 and 65535",
                assertThrows(IllegalArgumentException.class, () -> ServiceRanges.parse("10.96.0.0/12", "32767-30000"))
                        .getMessage());
    }
}
