package dev.jctl.cli.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generic describer's labels (kubectl's smartLabelFor over fatih/camelcase) and Go's %v of JSON values. */
class GenericDescriberTest {
    @ParameterizedTest
    @CsvSource({
        "apiVersion, API Version", "uid, UID", "creationTimestamp, Creation Timestamp", "podCIDR, Pod CIDR",
        "PDFLoader, PDF Loader", "serviceURL, Service URL", "foo-bar, Foo - Bar", "ipv4, ipv4",
        "limits.memory, limits.memory", "example.com/gpu, example.com/gpu"
    })
    void labelsFieldsAsKubectlDoes(String field, String label) {
        assertEquals(label, GenericDescriber.label(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3 | 3", "0.75 | 0.75", "1234567.5 | 1.2345675e+06", "123456.5 | 123456.5", "0.00001 | 1e-05",
        "true | true", "null | <nil>", "[1, [2, 3]] | [1 [2 3]]", "{\"b\": 1, \"a\": \"x\"} | map[a:x b:1]"
    })
    void printsValuesAsGoDoes(String json, String expected) throws Exception {
        assertEquals(expected, GenericDescriber.goValue(new ObjectMapper().readTree(json)));
    }

    @ParameterizedTest
    @CsvSource({"vimRPCPlugin, vim RPC Plugin", "GL11Version, GL 11 Version", "BFG9000, BFG 9000"})
    void splitsCamelCase(String text, String words) {
        assertEquals(List.of(words.split(" ")), GenericDescriber.camelCaseSplit(text));
    }
}
