import java.io.ByteArrayOutputStream;
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
 * Rewrites every jar of a packaged Quarkus app with its entries stored instead of deflated, so that the JVM reads
 * classes without inflating them (issue 14: inflating was about 150 ms of the HTTP app's first answer on 2 cores).
 * A folder argument (target/quarkus-app) has the jars under it rewritten in place; a zip argument (a Lambda
 * function.zip) has the jars inside it rewritten, the zip itself staying deflated (and smaller: a stored jar
 * compresses better than a deflated one). The entries, their order and their times are kept; a name a jar holds
 * twice keeps its first entry, as a reader by name sees it. Run in the package phase of http, lambda and
 * lambda-remote with the JDK's source launcher: {@code java scripts/stored-jars/StoredJars.java PATH...}.
 */
public final class StoredJars {

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java StoredJars.java QUARKUS_APP_DIR|FUNCTION_ZIP...");
            System.exit(2);
        }
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                storeUnder(path);
            } else if (Files.isRegularFile(path)) {
                storeInside(path);
            } else {
                System.out.println("stored-jars: no " + path + ", skipped");
            }
        }
    }

    private static void storeUnder(Path app) throws IOException {
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
        byte[] stored;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            stored = storedCopy(in);
        }
        Files.write(jar, stored);
    }

    private static void storeInside(Path zip) throws IOException {
        long before = Files.size(zip);
        int jars = 0;
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(zip.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!names.add(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (entry.getName().endsWith(".jar")) {
                    Path nested = Files.createTempFile("stored-jars", ".jar");
                    try {
                        try (InputStream content = in.getInputStream(entry)) {
                            Files.copy(content, nested, StandardCopyOption.REPLACE_EXISTING);
                        }
                        try (ZipFile jar = new ZipFile(nested.toFile())) {
                            out.write(storedCopy(jar));
                        }
                    } finally {
                        Files.delete(nested);
                    }
                    jars++;
                } else {
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("stored-jars: %d jars inside %s stored uncompressed (%d KiB, was %d KiB)%n", jars, zip,
                Files.size(zip) / 1024, before / 1024);
    }

    /** The jar with the same entries, stored (a jar of the app is a few MB at most: it is built in memory). */
    private static byte[] storedCopy(ZipFile in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
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
        return bytes.toByteArray();
    }
}
