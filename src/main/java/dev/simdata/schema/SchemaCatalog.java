package dev.simdata.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tables of a dataset, read once from the {@code schemas/} definitions bundled with the build, in dependency
 * order: every table comes after the tables its foreign keys reference.
 */
public final class SchemaCatalog
{
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile SchemaCatalog bundled;

    private final List<TableSchema> tables;
    private final Map<String, TableSchema> byName;

    private SchemaCatalog(List<TableSchema> tables)
    {
        this.tables = List.copyOf(tables);
        Map<String, TableSchema> index = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            index.put(table.name(), table);
        }
        this.byName = Map.copyOf(index);
    }

    /** The catalog bundled with this build. */
    public static SchemaCatalog bundled()
    {
        SchemaCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (SchemaCatalog.class) {
                catalog = bundled;
                if (catalog == null) {
                    catalog = load();
                    bundled = catalog;
                }
            }
        }
        return catalog;
    }

    /** All tables, parents before children. */
    public List<TableSchema> tables()
    {
        return tables;
    }

    public Optional<TableSchema> find(String name)
    {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * @throws IllegalArgumentException when there is no such table
     */
    public TableSchema table(String name)
    {
        TableSchema table = byName.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no table named " + name + " in schemas/");
        }
        return table;
    }

    private static SchemaCatalog load()
    {
        JsonNode catalog = readResource("schemas/catalog.json");
        List<TableSchema> declared = new ArrayList<>();
        for (JsonNode name : catalog.path("tables")) {
            declared.add(parseTable(name.asText(), readResource("schemas/" + name.asText() + ".json")));
        }
        return new SchemaCatalog(dependencyOrder(declared));
    }

    private static JsonNode readResource(String path)
    {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SchemaException("missing resource " + path);
            }
            return JSON.readTree(in);
        }
        catch (IOException e) {
            throw new SchemaException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static TableSchema parseTable(String expectedName, JsonNode definition)
    {
        String name = definition.path("name").asText();
        if (!name.equals(expectedName)) {
            throw new SchemaException("schemas/" + expectedName + ".json names its table '" + name + "'");
        }
        checkIdentifier(name, name);
        List<Field> fields = new ArrayList<>();
        for (JsonNode field : definition.path("fields")) {
            fields.add(parseField(name, field));
        }
        if (fields.isEmpty()) {
            throw new SchemaException("table " + name + " has no fields");
        }
        List<String> primaryKey = strings(definition.path("primaryKey"));
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (JsonNode foreignKey : definition.path("foreignKeys")) {
            foreignKeys.add(new ForeignKey(
                    strings(foreignKey.path("fields")),
                    foreignKey.path("reference").path("resource").asText(),
                    strings(foreignKey.path("reference").path("fields"))));
        }
        TableSchema table = new TableSchema(name, definition.path("description").asText(""), fields, primaryKey, foreignKeys, definition);
        for (String column : primaryKey) {
            requireColumn(table, column, "primaryKey");
        }
        for (ForeignKey foreignKey : foreignKeys) {
            foreignKey.fields().forEach(column -> requireColumn(table, column, "foreignKeys"));
        }
        return table;
    }

    private static Field parseField(String table, JsonNode field)
    {
        String name = field.path("name").asText();
        checkIdentifier(table, name);
        String type = field.path("type").asText("string");
        String format = field.path("format").asText("default");
        JsonNode constraints = field.path("constraints");
        FieldType fieldType = switch (type) {
            case "string" -> format.equals("uuid") ? FieldType.UUID : FieldType.STRING;
            case "integer" -> FieldType.INTEGER;
            case "number" -> FieldType.DECIMAL;
            case "boolean" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATETIME;
            default -> throw new SchemaException(table + "." + name + ": unsupported type " + type);
        };
        int precision = field.path("decimalPrecision").asInt(0);
        int scale = field.path("decimalScale").asInt(0);
        if (fieldType == FieldType.DECIMAL && (precision <= 0 || precision > 18 || scale < 0 || scale > precision)) {
            throw new SchemaException(table + "." + name + ": a number needs decimalPrecision (1-18) and decimalScale");
        }
        Long minimum = constraints.has("minimum") ? constraints.get("minimum").asLong() : null;
        return new Field(
                name,
                fieldType,
                constraints.path("required").asBoolean(false),
                constraints.path("unique").asBoolean(false),
                strings(constraints.path("enum")),
                precision,
                scale,
                minimum);
    }

    private static void requireColumn(TableSchema table, String column, String where)
    {
        if (table.findField(column).isEmpty()) {
            throw new SchemaException("table " + table.name() + ": " + where + " names unknown column " + column);
        }
    }

    private static void checkIdentifier(String table, String identifier)
    {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new SchemaException("table " + table + ": '" + identifier + "' is not a lower-case SQL identifier");
        }
    }

    private static List<String> strings(JsonNode array)
    {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    /** Orders tables so that referenced tables come first; the declared order breaks ties. */
    static List<TableSchema> dependencyOrder(List<TableSchema> declared)
    {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        declared.forEach(table -> byName.put(table.name(), table));
        for (TableSchema table : declared) {
            for (ForeignKey foreignKey : table.foreignKeys()) {
                TableSchema target = byName.get(foreignKey.referencedTable());
                if (target == null) {
                    throw new SchemaException("table " + table.name() + " references unknown table " + foreignKey.referencedTable());
                }
                foreignKey.referencedFields().forEach(column -> requireColumn(target, column, "a foreign key of " + table.name()));
            }
        }
        List<TableSchema> ordered = new ArrayList<>();
        List<TableSchema> remaining = new ArrayList<>(declared);
        while (!remaining.isEmpty()) {
            TableSchema next = remaining.stream()
                    .filter(table -> table.foreignKeys().stream()
                            .map(ForeignKey::referencedTable)
                            .allMatch(parent -> parent.equals(table.name()) || ordered.stream().anyMatch(done -> done.name().equals(parent))))
                    .findFirst()
                    .orElseThrow(() -> new SchemaException("foreign keys form a cycle among " + remaining.stream().map(TableSchema::name).toList()));
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }
}
