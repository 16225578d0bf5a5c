package dev.simdata.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up a password in a libpq password file ({@code ~/.pgpass} or {@code PGPASSFILE}):
 * {@code hostname:port:database:username:password} lines, {@code *} matching anything, {@code \} escaping
 * {@code :} and {@code \}.
 */
final class PgPass
{
    private PgPass() {}

    static Optional<String> find(Path file, String host, int port, String database, String user)
    {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (!privateToOwner(file)) {
            // as libpq does: the file is ignored, with a warning that does not show its contents
            System.err.println("WARNING: password file \"" + file + "\" has group or world access; permissions should be u=rw (0600) or less; ignoring it");
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        }
        catch (IOException e) {
            return Optional.empty();
        }
        String portText = Integer.toString(port);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() != 5) {
                continue;
            }
            if (matches(fields.get(0), host) && matches(fields.get(1), portText)
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** False when the file grants any permission to group or others (POSIX file systems only, like libpq). */
    static boolean privateToOwner(Path file)
    {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (PosixFilePermission permission : permissions) {
                if (permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_")) {
                    return false;
                }
            }
            return true;
        }
        catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    private static boolean matches(String pattern, String value)
    {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> split(String line)
    {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            }
            else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
