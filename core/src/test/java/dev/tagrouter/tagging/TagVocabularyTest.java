package dev.tagrouter.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagVocabularyTest {

    private final TagVocabulary vocabulary = TagVocabulary.curated();

    @Test
    void hasAtLeast150Tags() {
        assertTrue(vocabulary.size() >= 150, "size " + vocabulary.size());
    }

    @Test
    void namesAreLowercaseHyphenatedAndCoverEveryCategory() {
        for (CanonicalTag tag : vocabulary.tags()) {
            assertTrue(tag.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), tag.name());
        }
        for (TagCategory category : TagCategory.values()) {
            assertTrue(vocabulary.tags().stream().anyMatch(t -> t.category() == category), category.name());
        }
    }

    @Test
    void noNormalisedAliasBelongsToTwoTags() {
        Map<String, String> owner = new HashMap<>();
        for (CanonicalTag tag : vocabulary.tags()) {
            for (String alias : tag.aliases()) {
                String key = TextNormalizer.normalize(alias);
                String previous = owner.putIfAbsent(key, tag.name());
                if (previous != null && !previous.equals(tag.name())) {
                    fail("alias '" + alias + "' belongs to " + previous + " and " + tag.name());
                }
            }
        }
    }

    @Test
    void lookupFindsNamesAndAliases() {
        assertEquals(Optional.of("python"), vocabulary.lookup("Pandas DataFrame"));
        assertEquals(Optional.of("math-proof"), vocabulary.lookup("math proof"));
        assertEquals(Optional.of("resume"), vocabulary.lookup("CV"));
        assertEquals(Optional.of("law"), vocabulary.lookup("attorneys"));
        assertEquals(Optional.empty(), vocabulary.lookup("no such tag at all"));
    }

    @Test
    void rejectsAnAliasSharedByTwoTags() {
        List<String> lines = List.of("a | TASK | foo", "b | DOMAIN | Foos");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagVocabulary.parse(lines));
        assertTrue(e.getMessage().contains("foo"), e.getMessage());
    }

    @Test
    void rejectsUnknownReferencesAndWeakAliasesWithoutContext() {
        assertThrows(IllegalArgumentException.class, () -> TagVocabulary.parse(List.of("a | TASK | foo | implies=b")));
        assertThrows(IllegalArgumentException.class, () -> TagVocabulary.parse(List.of("a | TASK | ?foo")));
        assertThrows(IllegalArgumentException.class, () -> TagVocabulary.parse(List.of("A b | TASK | foo")));
        assertThrows(IllegalArgumentException.class, () -> TagVocabulary.parse(List.of("a | COLOUR | foo")));
    }
}
