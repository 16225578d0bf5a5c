package dev.simdata.dataset;

/**
 * A dataset cannot be written or read as asked, for a reason the user can fix (a non-empty output folder, an
 * unwritable path, a damaged manifest). The message is one line that says what, where and how to fix it.
 */
public class DatasetException
        extends RuntimeException
{
    public DatasetException(String message)
    {
        super(message);
    }

    public DatasetException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
