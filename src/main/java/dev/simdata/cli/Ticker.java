package dev.simdata.cli;

/** Runs an action every half second on a daemon thread, from {@link #start} until {@link #close}. */
final class Ticker
        implements AutoCloseable
{
    private static final long PERIOD_MILLIS = 500;

    private final Thread thread;
    private volatile boolean running = true;

    Ticker(String name, Runnable action)
    {
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                }
                catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    action.run();
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    Ticker start()
    {
        thread.start();
        return this;
    }

    boolean running()
    {
        return running;
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
    }
}
