package dev.simdata.load;

import dev.simdata.dataset.DatasetException;

/**
 * A load refused or failed for a reason the user can act on (a tampered shard, foreign rows in a target table, a
 * pooler port). The message is one line naming what, where and how to fix it, and never holds a password.
 */
public class LoadException
        extends DatasetException
{
    public LoadException(String message)
    {
        super(message);
    }

    public LoadException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
