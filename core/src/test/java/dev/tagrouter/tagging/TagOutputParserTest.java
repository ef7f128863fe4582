package dev.tagrouter.tagging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagOutputParserTest {

    private final TagOutputParser parser = new TagOutputParser(5, 40);

    @Test
    void readsEveryShapeRealModelsProduce() {
        List<String> expected = List.of("python", "data analysis");
        assertEquals(expected, parser.parse("[\"python\", \"data analysis\"]"));
        assertEquals(expected, parser.parse("[{\"tag\": \"python\", \"explanation\": \"the language\"},"
                + " {\"tag\": \"data analysis\", \"explanation\": \"pandas\"}]"));
        assertEquals(expected, parser.parse("```json\n[\"python\", \"data analysis\"]\n```"));
        assertEquals(expected, parser.parse("Sure! Here are the tags: [\"python\", \"data analysis\"] Hope it helps."));
        assertEquals(expected, parser.parse("python, data analysis"));
        assertEquals(expected, parser.parse("Tags:\n- python\n- data analysis\n"));
        assertEquals(expected, parser.parse("1. \"python\"\n2) data analysis."));
    }

    @Test
    void capsCountAndLengthAndDropsDuplicatesAndBlanks() {
        assertEquals(List.of("a", "b", "c", "d", "e"), parser.parse("a, b, , a, c, d, e, f, g"));
        assertEquals(List.of("x".repeat(40)), parser.parse("[\"" + "x".repeat(100) + "\"]"));
        assertEquals(List.of(), parser.parse("   "));
        assertEquals(List.of(), parser.parse("[1, 2, {\"name\": \"no tag field\"}]"));
    }
}
