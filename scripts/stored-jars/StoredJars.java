import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar under a packaged Quarkus app (target/quarkus-app) with its entries stored instead of deflated,
 * so that the JVM reads classes without inflating them (issue 14: inflating was about 150 ms of the HTTP app's
 * first answer on 2 cores). The entries, their order and their times are kept; a name a jar holds twice keeps its
 * first entry, as a reader by name sees it. Run by the http module's package phase with the JDK's source launcher:
 * {@code java scripts/stored-jars/StoredJars.java target/quarkus-app}.
 */
public final class StoredJars {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java StoredJars.java QUARKUS_APP_DIR");
            System.exit(2);
        }
        Path app = Path.of(args[0]);
        if (!Files.isDirectory(app)) {
            System.out.println("stored-jars: no " + app + " (a native build), nothing to rewrite");
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            store(jar);
            after += Files.size(jar);
        }
        System.out.printf("stored-jars: %d jars under %s stored uncompressed (%d KiB, were %d KiB)%n", jars.size(), app,
                after / 1024, before / 1024);
    }

    private static void store(Path jar) throws IOException {
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stored))) {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!names.add(entry.getName())) {
                    continue;
                }
                byte[] data;
                try (InputStream content = in.getInputStream(entry)) {
                    data = content.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
