package dev.tagrouter.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The byte-pair encodings tagrouter counts tokens with, by their tiktoken names. Each loads its precomputed ranks
 * ({@code dev/tagrouter/cost/<name>.bpe}, generated from jtokkit's vocabulary by {@code BpeRankFilesTest}) the
 * first time it is asked for, in a holder class that a native image initialises at build time.
 */
public enum TokenEncoding {

    /** GPT-3.5 / GPT-4. */
    CL100K_BASE("cl100k_base", "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", new Cl100kPieces()),
    /** GPT-4o and later OpenAI models. */
    O200K_BASE("o200k_base", String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}", " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*", "\\s*[\\r\\n]+", "\\s+(?!\\S)", "\\s+"),
            new O200kPieces());

    private final String encodingName;
    // tiktoken's pattern, which the splitter implements by hand; tests hold the splitter to it.
    private final String piecePattern;
    private final PieceSplitter pieces;

    TokenEncoding(String encodingName, String piecePattern, PieceSplitter pieces) {
        this.encodingName = encodingName;
        this.piecePattern = piecePattern;
        this.pieces = pieces;
    }

    /** The tiktoken name, e.g. {@code cl100k_base}. */
    public String encodingName() {
        return encodingName;
    }

    /** The encoding with this tiktoken name, if tagrouter has it. */
    public static Optional<TokenEncoding> named(String name) {
        return Arrays.stream(values()).filter(e -> e.encodingName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The names {@link #named} knows, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(TokenEncoding::encodingName).toList());
    }

    /** The counter of this encoding, loaded once per process (or once per native image build). */
    public TokenCounter counter() {
        return switch (this) {
            case CL100K_BASE -> Cl100k.COUNTER;
            case O200K_BASE -> O200k.COUNTER;
        };
    }

    /** The piece pattern as tiktoken writes it; Java reads it alike with {@code Pattern.UNICODE_CHARACTER_CLASS}. */
    String piecePattern() {
        return piecePattern;
    }

    PieceSplitter pieces() {
        return pieces;
    }

    String resource() {
        return "dev/tagrouter/cost/" + encodingName + ".bpe";
    }

    BpeTokenCounter load() {
        try (InputStream in = TokenEncoding.class.getClassLoader().getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException("the token ranks classpath:" + resource() + " are missing");
            }
            return new BpeTokenCounter(pieces, BpeRanks.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token ranks classpath:" + resource(), e);
        }
    }

    // One holder per encoding, so asking for one never loads the other.
    private static final class Cl100k {
        static final TokenCounter COUNTER = CL100K_BASE.load();
    }

    private static final class O200k {
        static final TokenCounter COUNTER = O200K_BASE.load();
    }
}
