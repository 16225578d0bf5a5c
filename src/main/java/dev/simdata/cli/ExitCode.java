package dev.simdata.cli;

/**
 * The exit codes of every simdata command.
 *
 * <table>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>a check failed (validate)</td></tr>
 *   <tr><td>2</td><td>invalid input: a bad flag, value, file or folder; the message names it</td></tr>
 *   <tr><td>3</td><td>could not run: an I/O or database failure outside the user's input</td></tr>
 *   <tr><td>4</td><td>internal error: a defect in simdata</td></tr>
 *   <tr><td>130</td><td>interrupted (Ctrl-C)</td></tr>
 * </table>
 */
public final class ExitCode
{
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int CANNOT_RUN = 3;
    public static final int INTERNAL_ERROR = 4;
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
