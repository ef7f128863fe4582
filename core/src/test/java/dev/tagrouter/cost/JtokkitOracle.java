package dev.tagrouter.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** jtokkit, the reference the precomputed encodings are generated from and checked against. */
final class JtokkitOracle {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private JtokkitOracle() {
    }

    /** jtokkit's count, with lone surrogates read as U+FFFD as tagrouter does (jtokkit refuses them). */
    static int count(TokenEncoding encoding, String text) {
        Encoding jtokkit = REGISTRY.getEncoding(encoding.encodingName()).orElseThrow();
        return text.isEmpty() ? 0 : jtokkit.countTokensOrdinary(BpeTokenCounter.withoutLoneSurrogates(text));
    }

    /** The tokens of jtokkit's {@code <name>.tiktoken} vocabulary, index = rank. */
    static List<byte[]> tokensByRank(TokenEncoding encoding) throws IOException {
        String resource = "/com/knuddels/jtokkit/" + encoding.encodingName() + ".tiktoken";
        List<byte[]> tokens = new ArrayList<>();
        try (InputStream in = Encodings.class.getResourceAsStream(resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(" ");
                int rank = Integer.parseInt(fields[1]);
                if (rank != tokens.size()) {
                    throw new IOException(resource + ": ranks are not contiguous at " + rank);
                }
                tokens.add(Base64.getDecoder().decode(fields[0]));
            }
        }
        return tokens;
    }
}
