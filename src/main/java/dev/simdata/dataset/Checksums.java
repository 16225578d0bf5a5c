package dev.simdata.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SHA-256 of files, as lower-case hex, and the one reader of {@code SHA256SUMS} files. */
public final class Checksums
{
    private Checksums() {}

    public static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    public static String sha256(Path file)
            throws IOException
    {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One line of a {@code SHA256SUMS} file: the hex digest and the path relative to the dataset folder. */
    public record Entry(String sha256, String path) {}

    /** {@code sha256sum}'s line: 64 hex digits, a space, a space or {@code *} (binary mode), the path. */
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    /**
     * The well-formed lines of a {@code SHA256SUMS} file, in file order. Lines that are not {@code sha256sum} output
     * are skipped: callers compare the entries with the manifest, so a dropped line shows up as a missing file.
     */
    public static List<Entry> read(Path file)
            throws IOException
    {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<Entry> parse(List<String> lines)
    {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                entries.add(new Entry(matcher.group(1), matcher.group(2)));
            }
        }
        return entries;
    }

    public static String hex(byte[] digest)
    {
        return HexFormat.of().formatHex(digest);
    }

    /** The {@code SHA256SUMS} file of a dataset: every data file and the manifest, sorted by path. */
    public static byte[] sumsFile(List<TableFiles> files, String manifestSha256)
    {
        Map<String, String> sums = new TreeMap<>();
        for (TableFiles entry : files) {
            for (ShardFile shard : entry.shards()) {
                sums.put(shard.path(), shard.sha256());
            }
        }
        sums.put(Manifest.FILE_NAME, manifestSha256);
        StringBuilder text = new StringBuilder();
        sums.forEach((path, sha256) -> text.append(sha256).append("  ").append(path).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
