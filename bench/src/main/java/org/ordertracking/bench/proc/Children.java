package org.ordertracking.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every process the bench starts (Redis, servers, load clients), so that each one is ended: by
 * {@link #stop}, at the latest by a shutdown hook, and, should this JVM be killed outright, by the
 * {@code bench/run} script, which kills the pids left in {@link #pidFile()}.
 */
public final class Children {
  private static final Children INSTANCE = new Children();

  private final List<Child> running = new ArrayList<>();
  private Path pidFile;

  /** A started process; {@link #pid()} is what /proc sampling and jcmd use. */
  public record Child(String name, Process process) {
    public long pid() {
      return process.pid();
    }

    public boolean alive() {
      return process.isAlive();
    }
  }

  private Children() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bench-children-stop"));
  }

  public static Children get() {
    return INSTANCE;
  }

  /** Where the pids of running children are listed; set once by the bench's entry point. */
  public synchronized void pidFile(Path file) {
    this.pidFile = file;
    writePids();
  }

  public synchronized Path pidFile() {
    return pidFile;
  }

  /** Starts {@code command}; its stdout and stderr go to {@code log} unless redirected already. */
  public synchronized Child start(String name, ProcessBuilder command, Path log) {
    try {
      if (log != null) {
        Files.createDirectories(log.getParent());
        command.redirectErrorStream(true).redirectOutput(log.toFile());
      }
      Child child = new Child(name, command.start());
      running.add(child);
      writePids();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.command().get(0) + ")", e);
    }
  }

  /** SIGTERM, then SIGKILL after {@code graceMillis}; waits until the process is gone. */
  public void stop(Child child, long graceMillis) {
    Process p = child.process();
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      running.remove(child);
      writePids();
    }
  }

  public void stopAll() {
    List<Child> all;
    synchronized (this) {
      all = new ArrayList<>(running);
    }
    // Newest first: clients before servers before Redis.
    for (int i = all.size() - 1; i >= 0; i--) {
      stop(all.get(i), 3_000);
    }
  }

  private void writePids() {
    if (pidFile == null) {
      return;
    }
    try {
      Files.writeString(pidFile, running.stream()
          .map(c -> c.pid() + " " + c.name())
          .collect(Collectors.joining("\n", "", running.isEmpty() ? "" : "\n")));
    } catch (IOException e) {
      System.err.println("bench: cannot write " + pidFile + ": " + e.getMessage());
    }
  }
}
