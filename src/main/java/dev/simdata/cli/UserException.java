package dev.simdata.cli;

/** A mistake in the user's input: printed as one line, exit code 2. */
public class UserException
        extends RuntimeException
{
    public UserException(String message)
    {
        super(message);
    }
}
