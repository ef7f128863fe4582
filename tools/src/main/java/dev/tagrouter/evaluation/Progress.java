package dev.tagrouter.evaluation;

import java.io.PrintWriter;
import java.util.Locale;

/** Reports progress of a long run, one line per finished step, so logs of non-interactive runs stay readable. */
public final class Progress {

    private final PrintWriter out;
    private final long start = System.nanoTime();

    public Progress(PrintWriter out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()));
    }

    public void step(String what) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, what);
        out.flush();
    }
}
