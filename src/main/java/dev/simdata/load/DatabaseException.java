package dev.simdata.load;

/**
 * The database could not be reached or failed outside the user's input (network, server, permissions). The message
 * is one line with every password removed.
 */
public class DatabaseException
        extends RuntimeException
{
    public DatabaseException(String message)
    {
        super(message);
    }
}
