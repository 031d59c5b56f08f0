package org.ordertracking.bench.stats;

/**
 * Loss, duplicates and reorders of live frames, judged per socket by the frames' {@code seq}
 * (strictly increasing per order). One instance sums all the sockets of a load client; each socket
 * keeps only its last seq.
 */
public final class SeqCounts {
  public long frames;
  /** seq numbers skipped between two frames (a gap of 3 means 3 frames lost or conflated). */
  public long gaps;
  /** a frame with the same seq as the one before */
  public long duplicates;
  /** a frame with a lower seq than the one before */
  public long reorders;

  /**
   * Accounts one live frame and returns the socket's new last seq.
   *
   * @param lastSeq the socket's last seq (0: none yet, or the snapshot's)
   */
  public long onFrame(long lastSeq, long seq) {
    frames++;
    if (seq == lastSeq) {
      duplicates++;
      return lastSeq;
    }
    if (seq < lastSeq) {
      reorders++;
      return lastSeq;
    }
    gaps += seq - lastSeq - 1;
    return seq;
  }

  public void reset() {
    frames = 0;
    gaps = 0;
    duplicates = 0;
    reorders = 0;
  }
}
