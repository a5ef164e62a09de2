package dev.jctl.diff.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against a table of templates over one object ({@code data.json}, a Pod-like object with every JSON
 * type): the output and the error Go 1.23's text/template gives with kubectl's functions, as kubectl v1.32 printed
 * them ({@code kubectl label --local -f data.json o=o -o go-template=...}, its error's
 * {@code template: ...} part). A case's {@code output} is what was written before its {@code error}, if any.
 */
class GoTemplateCasesTest {
    private static final String DIR = "/dev/jctl/diff/gotemplate/";

    record Case(String name, String template, String output, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String text = resource("cases.txt");
        for (String block : text.split("(?m)^=== ")) {
            if (block.isEmpty()) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n'));
            Map<String, String> sections = new LinkedHashMap<>();
            String[] parts = block.substring(block.indexOf('\n') + 1).split("(?m)^--- ");
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                String key = part.substring(0, part.indexOf('\n'));
                String value = part.substring(part.indexOf('\n') + 1);
                sections.put(key, value.substring(0, value.length() - 1));
            }
            cases.add(Arguments.of(new Case(name, sections.get("template"), sections.getOrDefault("output", ""),
                    sections.get("error"))));
        }
        return cases.stream();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoTemplateCasesTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatGoPrints(Case c) throws IOException {
        Object data = GoValues.fromJson(new ObjectMapper().readTree(resource("data.json")));
        StringBuilder out = new StringBuilder();
        if (c.error() == null) {
            GoTemplate.parse("output", c.template(), KubectlFunctions.FUNCTIONS).execute(data, out);
        } else {
            GoTemplateException e = assertThrows(GoTemplateException.class,
                    () -> GoTemplate.parse("output", c.template(), KubectlFunctions.FUNCTIONS).execute(data, out));
            assertEquals(c.error(), e.getMessage(), "error of " + c.template());
        }
        assertEquals(c.output(), out.toString(), "output of " + c.template());
    }
}
