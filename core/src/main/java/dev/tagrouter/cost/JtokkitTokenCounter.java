package dev.tagrouter.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with a jtokkit BPE, by default {@code cl100k_base}: the tokenizer of the GPT-3.5/GPT-4 family, and a close
 * enough proxy for other models' billing (their own tokenizers differ by a few percent on English text).
 */
public final class JtokkitTokenCounter implements TokenCounter {

    private final Encoding encoding;

    public JtokkitTokenCounter() {
        this(EncodingType.CL100K_BASE);
    }

    /** A counter with the jtokkit encoding of this name ({@code o200k_base}, {@code cl100k_base}, ...). */
    public JtokkitTokenCounter(String encodingName) {
        this(EncodingType.fromName(encodingName).orElseThrow(() -> new IllegalArgumentException(
                "jtokkit has no encoding named '" + encodingName + "'")));
    }

    private JtokkitTokenCounter(EncodingType type) {
        // The lazy registry only loads the one vocabulary asked for, which keeps start-up short.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(withoutLoneSurrogates(text));
    }

    // jtokkit refuses text that is not valid UTF-16 (a JSON body may carry "\ud800"); a lone surrogate would reach
    // the model as U+FFFD, so it is counted as one.
    static String withoutLoneSurrogates(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (fixed != null) {
                    fixed.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text.length()).append(text, 0, i);
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }
}
