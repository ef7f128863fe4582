package dev.tagrouter.http;

import dev.tagrouter.table.ModelEntry;

/** A model of the pool as listed by {@code GET /v1/models}. */
public record ModelView(String name, double inputUsdPerMTok, double outputUsdPerMTok, int expectedOutputTokens,
                        double trainingAcceptRate, int trainingPrompts) {

    static ModelView of(ModelEntry m) {
        return new ModelView(m.name(), m.inputUsdPerMTok(), m.outputUsdPerMTok(), m.expectedOutputTokens(),
                m.overall().acceptRate(), m.overall().total());
    }
}
