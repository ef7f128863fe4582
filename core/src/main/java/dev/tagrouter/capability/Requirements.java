package dev.tagrouter.capability;

/**
 * What a request needs from the model that answers it, read from a provider body: input kinds beyond text, tool
 * calling, schema-constrained output, and the caller's cap on the answer's length.
 *
 * @param vision           an image is part of the input
 * @param audio            audio is part of the input
 * @param files            a file (PDF or other document) is part of the input
 * @param tools            the request offers tools the model may call
 * @param structuredOutput the answer must follow a JSON schema
 * @param maxOutputTokens  the caller's cap on output tokens ({@code max_tokens} and the like); null when absent
 */
public record Requirements(boolean vision, boolean audio, boolean files, boolean tools, boolean structuredOutput,
                           Integer maxOutputTokens) {

    /** A plain text request: any model of the pool can take it. */
    public static final Requirements NONE = new Requirements(false, false, false, false, false, null);
}
