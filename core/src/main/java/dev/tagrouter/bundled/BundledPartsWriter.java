package dev.tagrouter.bundled;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.ModelCatalogCodec;
import dev.tagrouter.capability.PrecomputedCatalogCodec;
import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.table.PrecomputedTableCodec;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.CompiledRules;
import dev.tagrouter.tagging.PrecomputedRulesCodec;
import dev.tagrouter.tagging.TagVocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: reads the bundled table's JSON (checksum and validation as at any start), compiles the rule tagger
 * over the curated vocabulary, reads the bundled model catalog's JSON, and writes the three precomputed parts into
 * the classes folder, where
 * {@link BundledParts} finds them. A corrupt or inconsistent table fails the build. Throws rather than exiting, to
 * run inside the Maven JVM (exec-maven-plugin).
 */
public final class BundledPartsWriter {

    private BundledPartsWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundledPartsWriter <classes folder holding " + BundledParts.TABLE_JSON
                    + ">");
        }
        Path classes = Path.of(args[0]);
        Path json = classes.resolve(BundledParts.TABLE_JSON);
        if (!Files.isRegularFile(json)) {
            throw new InvalidTableException("routing table " + json + " does not exist");
        }
        RoutingTable table = new RoutingTableCodec().read(json);
        write(classes.resolve(BundledParts.TABLE), out -> new PrecomputedTableCodec().write(table, out));
        write(classes.resolve(BundledParts.RULES),
                out -> new PrecomputedRulesCodec().write(CompiledRules.compile(TagVocabulary.curated()), out));
        Path catalogJson = classes.resolve(BundledParts.CATALOG_JSON);
        ModelCatalog catalog;
        try (InputStream in = Files.newInputStream(catalogJson)) {
            catalog = new ModelCatalogCodec().read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("model catalog " + catalogJson + " cannot be read: " + e.getMessage(), e);
        }
        write(classes.resolve(BundledParts.CATALOG), out -> new PrecomputedCatalogCodec().write(catalog, out));
        System.out.printf("routing table %s is valid: version %s, %d models, %d tags, %s; precomputed into %s,"
                        + " rule tagger into %s, model catalog (%d models) into %s%n", json, table.version(),
                table.models().size(), table.tags().size(), table.checksum(), BundledParts.TABLE, BundledParts.RULES,
                catalog.models().size(), BundledParts.CATALOG);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, Writer writer) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
    }
}
