package dev.simdata.database;

import dev.simdata.dataset.DatasetException;

/**
 * A connection target the user must fix (a malformed URL, an unreadable certificate). The message is
 * one line and never holds a password.
 */
public class ConnectionException
        extends DatasetException
{
    public ConnectionException(String message)
    {
        super(message);
    }
}
