package dev.simdata.schema;

/**
 * A table definition in {@code schemas/} is malformed. This is a defect of the build, not of user input.
 */
public class SchemaException
        extends RuntimeException
{
    public SchemaException(String message)
    {
        super(message);
    }

    public SchemaException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
