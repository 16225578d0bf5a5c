package dev.simdata.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain RFC 4180 reader for the tests: quoted fields with doubled quotes and line breaks; an empty unquoted field
 * is null, {@code ""} an empty string. Independent of every engine under test.
 */
final class CsvRecords
{
    private CsvRecords() {}

    /** The records after the header line. */
    static List<String[]> read(Path file)
            throws IOException
    {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',' || c == '\n') {
                fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    records.add(fields.toArray(String[]::new));
                    fields.clear();
                }
            }
            else {
                field.append(c);
            }
        }
        return records.subList(1, records.size());
    }
}
