package dev.tagrouter.routing;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with jtokkit's {@code cl100k_base} BPE: the tokenizer of the GPT-3.5/GPT-4 family, and a close
 * enough proxy for other models' billing (their own tokenizers differ by a few percent on English text).
 */
public final class JtokkitTokenCounter implements TokenCounter {

    private final Encoding encoding;

    public JtokkitTokenCounter() {
        // The lazy registry only loads the one vocabulary asked for, which keeps start-up short.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
